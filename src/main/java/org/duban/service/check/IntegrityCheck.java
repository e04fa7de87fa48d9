package org.duban.service.check;

import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;

/**
 * The engine's own soundness check: SQLite's {@code PRAGMA integrity_check} (the file's pages, indexes and
 * constraints), or on a shared ledger what PostgreSQL can lose of it (the audit table's guard triggers), each named as
 * what it is.
 */
final class IntegrityCheck implements LedgerCheck {
    @Override
    public String titleKey() {
        return "check.integrity";
    }

    @Override
    public String titleKey(Database db) {
        return db.isShared() ? "check.integrity.server" : titleKey();
    }

    @Override
    public List<Finding> run(Database db, Repositories repos) {
        String key = db.isShared() ? "check.integrity.server.problem" : "check.integrity.problem";
        return db.integrityCheck().stream().map(line -> Finding.of(key, line)).toList();
    }
}
