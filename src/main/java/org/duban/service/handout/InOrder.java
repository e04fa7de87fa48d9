package org.duban.service.handout;

/** Pieces of work that take turns, in their order: piece {@code i} waits until piece {@code i - 1} is done. */
final class InOrder {
    private int next;
    private boolean aborted;

    /** Waits for piece {@code i}'s turn; false when a piece failed (there will be no turn). */
    synchronized boolean await(int i) {
        boolean interrupted = false;
        while (next != i && !aborted) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return !aborted;
    }

    synchronized void done(int i) {
        next = i + 1;
        notifyAll();
    }

    synchronized void abort() {
        aborted = true;
        notifyAll();
    }
}
