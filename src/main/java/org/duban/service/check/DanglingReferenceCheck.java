package org.duban.service.check;

import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;

/**
 * No orphan rows: every reference between tables leads to a row ({@code PRAGMA foreign_key_check}; finds
 * rows written by another tool with foreign keys off). Assignments to missing units have their own rule.
 */
final class DanglingReferenceCheck implements LedgerCheck {
    @Override
    public String titleKey() {
        return "check.orphans";
    }

    @Override
    public List<Finding> run(Database db, Repositories repos) {
        return repos.consistency().danglingReferences().stream()
                .filter(d -> !(d.table().equals("assignment") && d.parentTable().equals("unit")))
                .map(d -> Finding.of("check.orphans.row", d.table(), d.rowId(), d.parentTable()))
                .toList();
    }
}
