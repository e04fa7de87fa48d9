package org.duban.persistence;

/**
 * One change of several repository calls that lands all together or not at all. Services run their changes through
 * it instead of holding the {@link Database}: the repositories they call join the open transaction. A unit of work
 * inside another joins it, so a service may call another service's change as part of its own.
 */
public interface UnitOfWork {
    /** Runs {@code work} in a transaction (joining an open one) and returns its result. */
    <T> T inTransaction(Work<T> work);

    /**
     * {@link #inTransaction} for one change of thousands of rows (a task import), which the engine may run otherwise
     * ({@link Database#writeMany}).
     */
    default <T> T inBulkTransaction(Work<T> work) {
        return inTransaction(work);
    }

    /** Runs {@code work} in a transaction (joining an open one). */
    default void useTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** The units of work of a ledger: {@link Database#write}, which joins a transaction already open. */
    static UnitOfWork over(Database db) {
        return new UnitOfWork() {
            @Override
            public <T> T inTransaction(Work<T> work) {
                return db.write(c -> work.run());
            }

            @Override
            public <T> T inBulkTransaction(Work<T> work) {
                return db.writeMany(c -> work.run());
            }
        };
    }

    /** What a unit of work runs: repository calls, with no connection in sight. */
    @FunctionalInterface
    interface Work<T> {
        T run();
    }
}
