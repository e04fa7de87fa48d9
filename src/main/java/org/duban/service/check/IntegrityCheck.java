package org.duban.service.check;

import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;

/** SQLite's {@code PRAGMA integrity_check}: the file's pages, indexes and constraints are sound. */
final class IntegrityCheck implements LedgerCheck {
    @Override
    public String titleKey() {
        return "check.integrity";
    }

    @Override
    public List<Finding> run(Database db, Repositories repos) {
        return db.integrityCheck().stream().map(line -> Finding.of("check.integrity.problem", line)).toList();
    }
}
