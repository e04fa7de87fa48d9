package org.duban.service.returns;

import java.util.List;

/**
 * The forms read and checked: every filled row to record as an entry, the rows the ledger already holds, and every
 * problem. With any error, nothing is applied.
 *
 * @param files   the form files read (a folder gives several)
 * @param entries the rows that become progress reports
 * @param already the rows imported before (the same share, day, percent and text are in the ledger): nothing to add
 */
public record ReturnsCheck(List<String> files, List<ReturnEntry> entries, List<ReturnProblem> problems,
                           List<ReturnEntry> already) {
    public ReturnsCheck {
        files = List.copyOf(files);
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        already = List.copyOf(already);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(ReturnProblem::isError);
    }

    public List<ReturnProblem> errors() {
        return problems.stream().filter(ReturnProblem::isError).toList();
    }

    public List<ReturnProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
