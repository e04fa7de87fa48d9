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
        if (!r.measures().isEmpty()) {
            figures(r, out);
        }
        if (!r.growth().isEmpty()) {
            growthTable(r, out);
        }
        out.println(Messages.tr("bench.peakMethod", peakMethod()));
        out.println(Messages.tr("bench.footer", fmt(r.seconds())));
    }

    private static void figures(Bench.Result r, PrintWriter out) {
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
        if (r.office() != null) {
            LibreOffice.Floor o = r.office();
            out.println("  " + (o.xlsxToPdf() == null ? Messages.tr("bench.office.none", o.note())
                    : Messages.tr("bench.office.floor", value(o.xlsxToPdf().median(), "ms"), fmt(o.ratio()),
                    fmt(LibreOffice.Floor.TARGET), Messages.tr(o.met() ? "bench.met.yes" : "bench.met.no"))));
        }
        for (Measure m : r.measures()) {
            if (m.peakMb() != null) {
                out.println("  " + Messages.tr("bench.peak", Messages.tr("bench.measure." + m.id()),
                        value(m.peakMb().median(), "MB"), Messages.tr("bench.floor." + m.floorId()),
                        m.floorPeakMb() == null ? "—" : value(m.floorPeakMb().median(), "MB")));
            }
        }
    }

    private static void growthTable(Bench.Result r, PrintWriter out) {
        out.println(Messages.tr("bench.growth.load", fmt(r.loadBefore()), fmt(r.loadAfter()), r.display()));
        out.println(Messages.tr("bench.growth.header", String.join(" ", Growth.LAUNCHER_OPTIONS)));
        String[] head = {Messages.tr("bench.growth.col.tasks"), Messages.tr("bench.col.measure"),
            Messages.tr("bench.growth.col.time"), Messages.tr("bench.growth.col.peak"), Messages.tr("bench.col.floor"),
            Messages.tr("bench.growth.col.floorTime"), Messages.tr("bench.growth.col.floorPeak"),
            Messages.tr("bench.col.ratio")};
        int[] widths = {8, 22, 12, 12, 22, 12, 12, 8};
        out.println(row(head, widths));
        for (Growth.Row g : r.growth()) {
            String[] cells = {String.valueOf(g.tasks()), Messages.tr("bench.growth." + g.step()),
                g.millis() == null ? "—" : value(g.millis(), "ms"), g.peakMb() == null ? "—" : value(g.peakMb(), "MB"),
                Messages.tr("bench.floor." + g.floorId()), value(g.floorMillis(), "ms"),
                g.floorPeakMb() == null ? "—" : value(g.floorPeakMb(), "MB"),
                g.ratio() == null ? "—" : fmt(g.ratio()) + "×"};
            out.println(row(cells, widths));
        }
        for (Growth.Row g : r.growth()) {
            if (g.note().startsWith("failed")) {
                out.println("  " + g.tasks() + " " + Messages.tr("bench.growth." + g.step()) + "：" + g.note());
            }
        }
    }

    /** How peak memory is measured here, or why it is not. */
    static String peakMethod() {
        return PeakRss.bytes().isPresent() ? "/proc/self/status VmHWM"
                : "not measured: no /proc/self/status on " + System.getProperty("os.name");
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
        machine.put("peakMemory", peakMethod());
        root.put("machine", machine);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tasks", r.config().tasks());
        config.put("reports", r.config().reports());
        config.put("handoutTasks", r.config().handoutTasks());
        config.put("warmup", r.config().warmup());
        config.put("runs", r.config().runs());
        config.put("childWarmup", r.config().childWarmup());
        config.put("childRuns", r.config().childRuns());
        Map<String, Object> jvm = new LinkedHashMap<>(); // what the measures' child processes and floors ran with
        jvm.put("window", ChildMeasures.WINDOW_OPTIONS);
        jvm.put("commands", ChildMeasures.COMMAND_OPTIONS);
        config.put("childJvmOptions", jvm);
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
            if (m.floorPeakMb() != null) {
                f.put("peakMb", peak(m.floorPeakMb()));
            }
            e.put("floor", f);
            e.put("ratio", m.ratio() == null ? null : round(m.ratio()));
            e.put("target", m.target() == null ? null : target(m));
            e.put("met", m.met());
            e.put("note", m.note());
            if (m.peakMb() != null) {
                e.put("peakMb", peak(m.peakMb()));
            }
            measures.add(e);
        }
        root.put("measures", measures);
        if (r.office() != null) {
            LibreOffice.Floor o = r.office();
            Map<String, Object> office = new LinkedHashMap<>();
            office.put("soffice", o.soffice());
            office.put("measured", o.xlsxToPdf() != null);
            if (o.xlsxToPdf() != null) {
                Map<String, Object> f = new LinkedHashMap<>();
                figure(f, o.xlsxToPdf());
                office.put("xlsxToPdf", f);
                office.put("handoutsMedian", round(o.handouts().median()));
                office.put("ratio", round(o.ratio()));
                office.put("target", "≤ " + fmt(LibreOffice.Floor.TARGET) + "×");
                office.put("met", o.met());
            }
            office.put("note", o.note());
            root.put("libreOffice", office);
        }
        if (!r.growth().isEmpty()) {
            Map<String, Object> growth = new LinkedHashMap<>();
            growth.put("jvmOptions", Growth.LAUNCHER_OPTIONS);
            List<Object> rows = new ArrayList<>();
            for (Growth.Row g : r.growth()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("tasks", g.tasks());
                e.put("reports", g.reports());
                e.put("step", g.step());
                e.put("label", Messages.tr("bench.growth." + g.step()));
                e.put("millis", g.millis() == null ? null : round(g.millis()));
                e.put("peakMb", g.peakMb() == null ? null : round(g.peakMb()));
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("id", g.floorId());
                f.put("label", Messages.tr("bench.floor." + g.floorId()));
                f.put("millis", round(g.floorMillis()));
                f.put("peakMb", g.floorPeakMb() == null ? null : round(g.floorPeakMb()));
                e.put("floor", f);
                e.put("ratio", g.ratio() == null ? null : round(g.ratio()));
                e.put("note", g.note());
                rows.add(e);
            }
            growth.put("rows", rows);
            root.put("growth", growth);
        }
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

    private static Map<String, Object> peak(Figure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", round(f.median()));
        m.put("max", round(f.max()));
        m.put("samples", f.samples().stream().map(BenchReport::round).toList());
        return m;
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
