package org.duban.service.importer;

import org.duban.i18n.LocalizedException;

/** The file has errors, so nothing was imported. The plan lists them. */
public final class ImportBlockedException extends LocalizedException {
    private static final long serialVersionUID = 1L;
    private final transient ImportPlan plan;

    public ImportBlockedException(ImportPlan plan) {
        super("import.error.blocked", plan.errors().size());
        this.plan = plan;
    }

    public ImportPlan plan() {
        return plan;
    }
}
