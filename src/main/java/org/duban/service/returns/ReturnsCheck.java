package org.duban.service.returns;

import java.util.List;

/**
 * The forms read and checked: every filled row as an entry, and every problem. With any error, nothing is
 * applied.
 *
 * @param files the form files read (a folder gives several)
 */
public record ReturnsCheck(List<String> files, List<ReturnEntry> entries, List<ReturnProblem> problems) {
    public ReturnsCheck {
        files = List.copyOf(files);
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
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
