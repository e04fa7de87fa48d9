package org.duban.service.returns;

import org.duban.service.importer.ImportProblem;

/** A problem in a returned form: the file and the problem (row, column, value, reason). */
public record ReturnProblem(String file, ImportProblem problem) {
    public boolean isError() {
        return problem.isError();
    }
}
