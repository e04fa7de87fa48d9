package org.duban.testing;

import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.audit.AuditLog;

/**
 * The program's wiring ({@link Services}) for tests that hold an audit log or a database rather than the services:
 * {@code Wired.of(audit).tasks()} is the task service of the ledger and clock {@code audit} was made for (by
 * {@link #audit} or {@link #over}), {@code Wired.of(db)} the services of {@code db} on the computer's clock.
 */
public final class Wired {
    /** The ledger of each audit log handed out; weak keys, so a finished test's logs and ledgers can go. */
    private static final Map<AuditLog, Database> LEDGERS = Collections.synchronizedMap(new WeakHashMap<>());

    private Wired() {
    }

    /** The services of {@code db} with "today" from {@code clock}. */
    public static Services over(Database db, Clock clock) {
        Services services = Services.over(db, clock);
        LEDGERS.put(services.audit(), db);
        return services;
    }

    /** The audit log of {@code db} on {@code clock}, whose services {@link #of(AuditLog)} gives. */
    public static AuditLog audit(Database db, Clock clock) {
        return over(db, clock).audit();
    }

    /** The services of the ledger and clock of {@code audit} (made by {@link #audit} or {@link #over}). */
    public static Services of(AuditLog audit) {
        Database db = LEDGERS.get(audit);
        if (db == null) {
            throw new IllegalArgumentException("an audit log not made by Wired: " + audit);
        }
        return over(db, audit.clock());
    }

    /** The services of {@code db} on the computer's clock. */
    public static Services of(Database db) {
        Services services = Services.over(db);
        LEDGERS.put(services.audit(), db);
        return services;
    }
}
