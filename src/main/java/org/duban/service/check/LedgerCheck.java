package org.duban.service.check;

import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;

/**
 * One consistency rule of the ledger, run by {@code check}. New capabilities add their own rules (close-out
 * needs a verification, the audit chain is unbroken ...) to {@link CheckService#standardChecks}.
 */
public interface LedgerCheck {
    /** Bundle key of the line that names the rule in the report. */
    String titleKey();

    /** The title's key for the ledger {@code db}: {@link #titleKey()}, unless the rule reads differently per engine. */
    default String titleKey(Database db) {
        return titleKey();
    }

    /** What is wrong; empty when the rule holds. Reads only. */
    List<Finding> run(Database db, Repositories repos);
}
