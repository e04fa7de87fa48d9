package org.duban.service.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duban.service.excel.Grid;
import org.duban.service.importer.ImportProblem.Severity;

/**
 * Which sheet of a workbook holds the task list. Unless the user picked one, it is the first visible sheet with
 * a recognisable heading row, so a cover page or an explanation sheet in front of the list is passed over; the
 * problem list then says which sheet was read, and names any later sheet that looks like a list too (it is not
 * imported). A file with no such sheet is refused, naming the sheets that were looked at.
 */
final class SheetChoice {
    private SheetChoice() {
    }

    /** The sheet read and its heading, or empty with the reason among the problems. */
    record Chosen(Grid grid, HeaderFinder.Header header) {
    }

    static Optional<Chosen> choose(List<Grid> sheets, int sheetIndex, List<ImportProblem> problems) {
        if (sheetIndex >= 0 && sheetIndex < sheets.size()) {
            Grid g = sheets.get(sheetIndex);
            Optional<Chosen> c = HeaderFinder.find(g).map(h -> new Chosen(g, h));
            if (c.isEmpty()) {
                problems.add(noHeader(List.of(g)));
            }
            return c;
        }
        List<Grid> visible = sheets.stream().filter(g -> !g.hidden()).toList();
        Chosen chosen = null;
        List<String> passed = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Grid g : visible) {
            Optional<HeaderFinder.Header> h = HeaderFinder.find(g);
            if (chosen == null && h.isPresent()) {
                chosen = new Chosen(g, h.get());
            } else if (chosen == null) {
                passed.add(g.sheetName());
            } else if (h.isPresent()) {
                others.add(g.sheetName());
            }
        }
        if (chosen == null) {
            problems.add(sheets.stream().allMatch(g -> g.rows().isEmpty())
                    ? whole(Severity.ERROR, "import.problem.emptyFile")
                    : noHeader(visible));
            return Optional.empty();
        }
        if (!passed.isEmpty()) {
            problems.add(whole(Severity.WARNING, "import.problem.sheetUsed", chosen.grid().sheetName(), quoted(passed)));
        }
        if (!others.isEmpty()) {
            problems.add(whole(Severity.WARNING, "import.problem.otherLists", quoted(others)));
        }
        return Optional.of(chosen);
    }

    private static ImportProblem noHeader(List<Grid> looked) {
        boolean named = looked.stream().anyMatch(g -> !g.sheetName().isEmpty());
        return named ? whole(Severity.ERROR, "import.problem.noHeaderInSheets",
                quoted(looked.stream().map(Grid::sheetName).toList()))
                : whole(Severity.ERROR, "import.problem.noHeader");
    }

    private static ImportProblem whole(Severity severity, String key, Object... args) {
        return new ImportProblem(severity, 0, "", "", "", key, args);
    }

    /** “封面”、“说明” */
    private static String quoted(List<String> names) {
        return String.join("、", names.stream().map(n -> "“" + n + "”").toList());
    }
}
