package org.duban.service.handout;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs {@code n} independent pieces of work on one thread per core, each thread taking the next piece when it is
 * done with one. The calling thread waits and hears, in its own thread, of each piece as it starts: progress
 * reports stay on the caller's thread (a view model updates its progress bar from there, and a report arriving
 * from elsewhere after the end would move it back). The first failure stops the hand-out of new pieces and is
 * thrown to the caller, as it was thrown, once every thread has finished.
 */
final class Parallel {
    private static final int THREAD_DONE = -1;

    private Parallel() {
    }

    static void forEach(int n, String threadName, IntConsumer work, IntConsumer started) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BlockingQueue<Integer> events = new LinkedBlockingQueue<>();
        int threads = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
        for (int t = 0; t < threads; t++) {
            Thread h = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < n && failure.get() == null; i = next.getAndIncrement()) {
                        events.add(i);
                        work.accept(i);
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    events.add(THREAD_DONE);
                }
            }, threadName + "-" + (t + 1));
            h.setDaemon(true);
            h.start();
        }
        boolean interrupted = false;
        for (int running = threads; running > 0; ) {
            int event;
            try {
                event = events.take();
            } catch (InterruptedException e) {
                interrupted = true; // the pieces under way finish; the caller's thread keeps its flag
                continue;
            }
            if (event == THREAD_DONE) {
                running--;
            } else if (failure.get() == null) {
                started.accept(event);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
    }
}
