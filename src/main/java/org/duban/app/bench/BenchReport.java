package org.duban.app.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duban.i18n.Messages;

/** A bench result as a table for people and as a map for JSON. */
public final class BenchReport {
    private BenchReport() {
    }

    public static void table(Bench.Result r, PrintWriter out) {
        out.println(Messages.tr("bench.header", r.config().tasks(), r.config().reports(), r.config().handoutTasks(),
                r.config().runs(), r.cores(), fmt(r.loadBefore()), fmt(r.loadAfter()), r.display()));
        String[] head = {Messages.tr("bench.col.measure"), Messages.tr("bench.col.median"),
            Messages.tr("bench.col.spread"), Messages.tr("bench.col.floor"), Messages.tr("bench.col.floorMedian"),
            Messages.tr("bench.col.ratio"), Messages.tr("bench.col.target"), Messages.tr("bench.col.met")};
        int[] widths = {22, 12, 8, 26, 12, 8, 12, 6};
        out.println(row(head, widths));
        for (Measure m : r.measures()) {
            String[] cells = {Messages.tr("bench.measure." + m.id()), value(m.figure().median(), m.unit()),
                "±" + Math.round(m.figure().spreadPercent() / 2) + "%", Messages.tr("bench.floor." + m.floorId()),
                m.floor() == null ? "—" : value(m.floor().median(), m.unit()),
                m.ratio() == null ? "—" : fmt(m.ratio()) + "×", target(m),
                m.met() == null ? "" : Messages.tr(m.met() ? "bench.met.yes" : "bench.met.no")};
            out.println(row(cells, widths));
        }
        for (Measure m : r.measures()) {
            if (!m.note().isEmpty()) {
                out.println("  " + Messages.tr("bench.measure." + m.id()) + "：" + m.note());
            }
        }
        out.println(Messages.tr("bench.footer", fmt(r.seconds())));
    }

    public static Map<String, Object> json(Bench.Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("started", r.started());
        machine.put("cores", r.cores());
        machine.put("loadBefore", round(r.loadBefore()));
        machine.put("loadAfter", round(r.loadAfter()));
        machine.put("java", r.java());
        machine.put("display", r.display());
        root.put("machine", machine);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tasks", r.config().tasks());
        config.put("reports", r.config().reports());
        config.put("handoutTasks", r.config().handoutTasks());
        config.put("warmup", r.config().warmup());
        config.put("runs", r.config().runs());
        config.put("childWarmup", r.config().childWarmup());
        config.put("childRuns", r.config().childRuns());
        root.put("config", config);
        List<Object> measures = new ArrayList<>();
        for (Measure m : r.measures()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", m.id());
            e.put("label", Messages.tr("bench.measure." + m.id()));
            e.put("unit", m.unit());
            figure(e, m.figure());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", m.floorId());
            f.put("label", Messages.tr("bench.floor." + m.floorId()));
            if (m.floor() != null) {
                figure(f, m.floor());
            }
            e.put("floor", f);
            e.put("ratio", m.ratio() == null ? null : round(m.ratio()));
            e.put("target", m.target() == null ? null : target(m));
            e.put("met", m.met());
            e.put("note", m.note());
            measures.add(e);
        }
        root.put("measures", measures);
        root.put("seconds", round(r.seconds()));
        return root;
    }

    private static void figure(Map<String, Object> m, Figure f) {
        m.put("median", round(f.median()));
        m.put("min", round(f.min()));
        m.put("max", round(f.max()));
        m.put("spreadPercent", round(f.spreadPercent()));
        m.put("samples", f.samples().stream().map(BenchReport::round).toList());
    }

    private static String target(Measure m) {
        if (m.target() == null) {
            return "—";
        }
        return m.target().relative() ? "≤ " + fmt(m.target().limit()) + "×"
                : "< " + Math.round(m.target().limit()) + " " + m.unit();
    }

    private static String value(double v, String unit) {
        return (v >= 100 ? String.valueOf(Math.round(v)) : fmt(v)) + " " + unit;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String row(String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            sb.append(pad(cells[i], widths[i]));
        }
        return sb.toString().stripTrailing();
    }

    /** Pads to a display width where CJK characters count two columns. */
    private static String pad(String s, int width) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return s + " ".repeat(Math.max(1, width - w));
    }
}
