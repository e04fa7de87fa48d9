package org.duban.app.bench;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.transformation.SortedList;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.model.WarningLight;
import org.duban.persistence.Database;
import org.duban.persistence.TaskScope;
import org.duban.service.Services;
import org.duban.service.backup.BackupService;
import org.duban.service.importer.ImportOptions;
import org.duban.service.importer.ImportTarget;
import org.duban.service.importer.TaskImporter;
import org.duban.service.ledger.LedgerColumn;
import org.duban.service.ledger.LedgerColumns;
import org.duban.service.ledger.LedgerExporter;
import org.duban.service.ledger.LedgerRow;
import org.duban.service.meetings.MeetingService;
import org.duban.service.stats.Stats;
import org.duban.service.stats.StatsService;
import org.duban.service.stats.UnitStats;
import org.duban.service.tasks.ChecklistFilter;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tasks.TaskService;
import org.duban.service.tracking.TaskTracking;
import org.duban.service.tracking.TrackingService;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.tasks.TaskListViewModel;

/**
 * The measures that run in this process after a warm-up: the checklist's view model (load, filter, sort), the
 * lights of every assignment, the dashboard statistics, the ledger export, the backup and the import, each with
 * its floor (the {@code sqlite3} tool, a plain Java loop, or POI alone).
 */
final class InProcessMeasures {
    private static final String[] WORDS = {"污水", "扬尘", "渔排", "危险废物", "生态流量", "蕉城", "截污纳管"};
    private final BenchConfig c;
    private final BenchData data;
    private final SqliteTool sqlite;

    InProcessMeasures(BenchConfig c, BenchData data, SqliteTool sqlite) {
        this.c = c;
        this.data = data;
        this.sqlite = sqlite;
    }

    List<Measure> onMainLedger() throws Exception {
        List<Measure> out = new ArrayList<>();
        LocalDate today = data.today();
        long meeting = data.mainMeeting();
        Path checklistSql = SqliteTool.write(c.dir(), "checklist.sql", SqliteTool.sql("checklist.sql", false, today, meeting));
        Path lightsSql = SqliteTool.write(c.dir(), "lights.sql", SqliteTool.sql("lights.sql", true, today, meeting));
        Path statsSql = SqliteTool.write(c.dir(), "stats.sql", SqliteTool.sql("stats.sql", true, today, meeting));
        try (Database db = Database.open(data.main())) {
            Services services = Services.over(db);
            TaskService tasks = services.tasks();
            MeetingService meetings = services.meetings();

            TaskListViewModel[] vm = new TaskListViewModel[1];
            Figure load = Timer.time(c.warmup(), c.runs(), () -> {
                vm[0] = new TaskListViewModel(tasks, meetings, TaskRunner.direct(), new FailingDialogs());
                vm[0].load();
                if (vm[0].rows().isEmpty()) {
                    throw new IllegalStateException("the checklist loaded no rows");
                }
            });
            out.add(new Measure("checklist.load", "ms", load, "sqlite3.checklist", sqliteFigure(checklistSql, false),
                    null, vm[0].rows().size() + " rows"));

            // the desk, the window's opening screen, beside the checklist it stands in for (its floor here)
            org.duban.ui.desk.DeskViewModel[] desk = new org.duban.ui.desk.DeskViewModel[1];
            Figure deskLoad = Timer.time(c.warmup(), c.runs(), () -> {
                desk[0] = new org.duban.ui.desk.DeskViewModel(services.desk(),
                        TaskRunner.direct(), new FailingDialogs());
                desk[0].load();
            });
            out.add(new Measure("desk.load", "ms", deskLoad, "checklist.load", load, null,
                    desk[0].items().size() + " lines"));

            List<ChecklistRow> plain = new ArrayList<>(vm[0].rows());
            int[] word = {0};
            Figure filter = Timer.time(c.warmup(), c.runs(), () -> {
                vm[0].searchTextProperty().set(WORDS[word[0]++ % WORDS.length]);
                vm[0].visibleRows().size();
            });
            word[0] = 0;
            Figure filterFloor = Timer.time(c.warmup(), c.runs(), () -> {
                ChecklistFilter f = new ChecklistFilter(null, null, null, null, WORDS[word[0]++ % WORDS.length]);
                plain.stream().filter(f).count();
            });
            out.add(new Measure("checklist.filter", "ms", filter, "plainLoop", filterFloor, Measure.Target.absolute(50),
                    "search text over " + plain.size() + " rows"));

            vm[0].clearFilters();
            SortedList<ChecklistRow> sorted = new SortedList<>(vm[0].visibleRows());
            List<Comparator<ChecklistRow>> orders = List.of(
                    Comparator.comparing((ChecklistRow r) -> r.task().problem()),
                    Comparator.comparing((ChecklistRow r) -> r.task().deadline()).reversed(),
                    Comparator.comparing(ChecklistRow::light, Comparator.nullsFirst(Comparator.<WarningLight>naturalOrder())));
            int[] order = {0};
            Figure sort = Timer.time(c.warmup(), c.runs(), () -> {
                sorted.setComparator(orders.get(order[0]++ % orders.size()));
                sorted.get(0);
            });
            order[0] = 0;
            Figure sortFloor = Timer.time(c.warmup(), c.runs(), () -> {
                List<ChecklistRow> copy = new ArrayList<>(plain);
                copy.sort(orders.get(order[0]++ % orders.size()));
            });
            out.add(new Measure("checklist.sort", "ms", sort, "plainSort", sortFloor, Measure.Target.absolute(50),
                    "by problem, by deadline, by light over " + plain.size() + " rows"));
            vm[0] = null;

            TrackingService tracking = services.tracking();
            int[] states = {0};
            Figure lights = Timer.time(c.warmup(), c.runs(), () -> {
                List<TaskTracking> list = tracking.track(TaskScope.meeting(meeting), today);
                states[0] = list.stream().mapToInt(t -> t.states().size()).sum();
            });
            out.add(new Measure("lights", "ms", lights, "sqlite3.lights", sqliteFigure(lightsSql, false), null,
                    states[0] + " assignments"));

            StatsService statsService = services.stats();
            Stats[] stats = new Stats[1];
            Figure dashboard = Timer.time(c.warmup(), c.runs(), () -> stats[0] = statsService.stats(meeting, today));
            out.add(new Measure("stats", "ms", dashboard, "sqlite3.stats", sqliteFigure(statsSql, false),
                    Measure.Target.ratio(2), agreement(stats[0], sqlite.run(data.main(), statsSql, true).lines())));

            out.add(export(db, meetings));
            out.add(backup(db));
            out.add(check(db));
        }
        out.add(importMeasure());
        return out;
    }

    private Figure sqliteFigure(Path sqlFile, boolean keep) throws Exception {
        return Timer.measure(c.warmup(), c.runs(), () -> sqlite.run(data.main(), sqlFile, keep).millis());
    }

    /** Whether the sqlite3 floor counted the same lights as the program: a check that the floor does the same work. */
    static String agreement(Stats stats, List<String> lines) {
        Map<String, String> byUnit = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split("\\|");
            byUnit.put(f[0], f[1] + "/" + f[2] + "/" + f[3] + "/" + f[4] + "/" + f[5]);
        }
        int differ = 0;
        for (UnitStats u : stats.units()) {
            String ours = u.assignments() + "/" + u.count(WarningLight.RED) + "/" + u.count(WarningLight.YELLOW) + "/"
                    + u.count(WarningLight.GREEN) + "/" + u.overdue();
            if (!ours.equals(byUnit.get(u.unit().name()))) {
                differ++;
            }
        }
        String tasks = stats.tasks() + "/" + stats.tasks(WarningLight.RED) + "/" + stats.tasks(WarningLight.YELLOW) + "/"
                + stats.tasks(WarningLight.GREEN) + "/" + stats.overdueTasks();
        boolean same = differ == 0 && tasks.equals(byUnit.get("*"));
        return same ? "sqlite3 counts agree" : "sqlite3 counts DIFFER for " + differ + " units";
    }

    private Measure export(Database db, MeetingService meetings) throws Exception {
        var m = meetings.find(data.mainMeeting()).orElseThrow();
        Path file = c.dir().resolve("export.xlsx");
        LedgerExporter exporter = Services.over(db).ledgerExporter();
        Figure ours = Timer.time(c.warmup(), c.runs(), () -> Files.deleteIfExists(file), () -> exporter.export(m, file));
        List<LedgerColumn> columns = LedgerColumns.standard();
        List<LedgerRow> rows = exporter.rows(m.id());
        List<String[]> cells = rows.stream().map(r -> columns.stream().map(col -> col.value().apply(r).text())
                .toArray(String[]::new)).toList();
        Path floorFile = c.dir().resolve("export-floor.xlsx");
        Figure floor = Timer.time(c.warmup(), c.runs(), () -> {
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(floorFile)) {
                Sheet sheet = wb.createSheet("floor");
                int r = 0;
                for (String[] line : cells) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < line.length; i++) {
                        row.createCell(i).setCellValue(line[i]);
                    }
                }
                wb.write(os);
            }
        });
        return new Measure("export", "ms", ours, "poiWrite", floor, null, rows.size() + " rows");
    }

    private Measure backup(Database db) throws Exception {
        Path target = c.dir().resolve("backup-copy.db");
        BackupService backups = Services.over(db).backups();
        Figure ours = Timer.time(c.warmup(), c.runs(), () -> Files.deleteIfExists(target),
                () -> backups.backupTo(target));
        Path floorTarget = c.dir().resolve("backup-floor.db");
        Path sql = SqliteTool.write(c.dir(), "vacuum.sql", "VACUUM INTO '" + floorTarget + "';\n");
        Figure floor = Timer.measure(c.warmup(), c.runs(), () -> {
            Files.deleteIfExists(floorTarget);
            return sqlite.run(data.main(), sql, false).millis();
        });
        return new Measure("backup", "ms", ours, "sqlite3.vacuumInto", floor, null,
                Files.size(data.main()) / (1024 * 1024) + " MB ledger; ours also syncs and checks the copy");
    }

    /**
     * {@code check} over the main ledger (integrity, links, statuses, the audit chain with every tracked row compared
     * with its last audit row), against sqlite3's own {@code PRAGMA integrity_check} of the same file as the floor:
     * the part of the work no program on this file can skip.
     */
    private Measure check(Database db) throws Exception {
        org.duban.service.check.CheckService checks = Services.over(db).checks();
        boolean[] clean = {false};
        Figure ours = Timer.time(c.warmup(), c.runs(), () -> clean[0] = checks.run().clean());
        Path sql = SqliteTool.write(c.dir(), "integrity.sql", "PRAGMA integrity_check;\n");
        Figure floor = Timer.measure(c.warmup(), c.runs(), () -> sqlite.run(data.main(), sql, false).millis());
        return new Measure("check", "ms", ours, "sqlite3.integrityCheck", floor, null,
                clean[0] ? "the ledger checks clean" : "the ledger has findings");
    }

    /** Import of the main ledger's xlsx into an empty ledger (a copy made before each run, not timed). */
    private Measure importMeasure() throws Exception {
        Database[] db = new Database[1];
        int[] n = {0};
        Figure ours = Timer.time(c.warmup(), c.runs(), () -> {
            if (db[0] != null) {
                db[0].close();
            }
            Path copy = BenchData.fresh(c.dir().resolve("import-" + (n[0]++) + ".db"));
            Files.copy(data.rosterOnly(), copy);
            db[0] = Database.open(copy);
        }, () -> {
            TaskImporter importer = Services.over(db[0]).importer();
            TaskImporter.ImportFile file = importer.read(data.xlsx());
            importer.apply(file, new ImportTarget.NewMeeting("", data.today()), ImportOptions.DEFAULT, (d, t) -> { });
        });
        db[0].close();
        DataFormatter formatter = new DataFormatter(java.util.Locale.CHINA);
        long[] count = {0};
        Figure floor = Timer.time(c.warmup(), c.runs(), () -> {
            try (Workbook wb = WorkbookFactory.create(new File(data.xlsx().toString()), null, true)) {
                for (Sheet sheet : wb) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            count[0] += formatter.formatCellValue(cell).length();
                        }
                    }
                }
            }
        });
        return new Measure("import", "ms", ours, "poiRead", floor, Measure.Target.ratio(1.5),
                c.tasks() + " rows into an empty ledger");
    }

    /** The checklist's dialogs in the bench: an error is a failed measure. */
    private static final class FailingDialogs implements DialogService {
        @Override
        public void showError(String title, String message, Throwable cause) {
            throw new IllegalStateException(message, cause);
        }

        @Override
        public void showInfo(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message, String okText) {
            return false;
        }
    }
}
