package org.duban.crash;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** The child process of the crash tests: runs one scenario's operation on a database file. */
public final class CrashChild {
    static final String UNDERWAY = "UNDERWAY";
    static final String DONE = "DONE";

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        CrashScenario scenario = (CrashScenario) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        scenario.operate(Path.of(args[1]), new CrashScenario.Signal() {
            @Override
            public void underway() {
                System.out.println(UNDERWAY);
                System.out.flush();
            }

            @Override
            public void holdHere() {
                underway();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        System.out.println(DONE);
        System.out.flush();
    }
}
