package org.duban.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.i18n.Messages;
import org.duban.service.importer.ImportProblem;

/** Prints import problems one per line, and as JSON objects. */
final class ProblemText {
    private ProblemText() {
    }

    static void print(PrintWriter out, String headingKey, List<ImportProblem> problems, String file) {
        if (problems.isEmpty()) {
            return;
        }
        out.println(Messages.tr(headingKey, problems.size()));
        for (ImportProblem p : problems) {
            out.println("  " + where(p, file) + p.message());
        }
    }

    static String where(ImportProblem p, String file) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(' ');
        }
        if (p.row() > 0) {
            sb.append(Messages.tr("cli.import.row", p.row()));
        }
        if (!p.column().isEmpty()) {
            sb.append(Messages.tr(p.header().isEmpty() ? "cli.import.column" : "cli.import.columnNamed",
                    p.column(), oneLine(p.header())));
        }
        if (!p.value().isEmpty()) {
            sb.append(Messages.tr("cli.import.value", abbreviate(oneLine(p.value()), 40)));
        }
        return sb.isEmpty() ? "" : sb.append(Messages.tr("cli.import.colon")).toString();
    }

    static List<Object> json(List<ImportProblem> problems, String file) {
        List<Object> list = new ArrayList<>();
        for (ImportProblem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (file != null) {
                m.put("file", file);
            }
            m.put("row", p.row());
            m.put("column", p.column());
            m.put("header", p.header());
            m.put("value", p.value());
            m.put("message", p.message());
            list.add(m);
        }
        return list;
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s*\\n\\s*", " ");
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
