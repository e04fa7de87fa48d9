package org.duban.service.handout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.i18n.LocalizedException;
import org.duban.model.Assignment;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.Term;
import org.duban.model.Unit;
import org.duban.persistence.AuditChain;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitRepository;
import org.duban.persistence.VocabularyRepository;
import org.duban.service.io.AtomicFiles;
import org.duban.service.tracking.TrackingService;

/**
 * Handouts (任务清单): what each unit's list says, its pages, and the PDFs of one unit or of all units at once.
 * Reading the database is the only slow-free part; layout and PDF writing belong off the FX thread.
 */
public final class HandoutService {
    /** Statuses as they stand today, like the checklist shows them (the stored one is from the last change). */
    private final TrackingService tracking;
    private final UnitRepository units;
    private final HandoutSettingsStore store;
    private final VocabularyRepository vocabulary;
    private final Repositories repos;

    public HandoutService(Repositories repos, TrackingService tracking, HandoutSettingsStore store) {
        this.repos = repos;
        this.tracking = tracking;
        this.units = repos.units();
        this.store = store;
        this.vocabulary = repos.vocabulary();
    }

    public HandoutSettingsStore settings() {
        return store;
    }

    /** A unit that gets a handout at a meeting: its task count and how many copies to print. */
    public record UnitHandout(Unit unit, int tasks, int copies) {
    }

    /** What one batch wrote. */
    public record BatchResult(List<Path> unitFiles, Path combined, int units, int pages, int combinedPages) {
    }

    /** Reports batch progress: {@code done} of {@code total} units, the unit being worked on. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total, String unitName);

        Progress NONE = (d, t, u) -> { };
    }

    /**
     * The meeting's tasks, the roster and the office's order of sources (the handout's sections follow it), read
     * once for a whole batch; or, read {@link #readByUnit by unit}, the number of tasks of each unit and the way to
     * read one unit's tasks when its handout is written ({@code byUnit}; {@code tasks} is then empty).
     */
    public record MeetingData(Meeting meeting, List<Task> tasks, List<Unit> roster, List<Term> sources,
                              AuditChain.Head auditHead, ByUnit byUnit) {
        public MeetingData {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        public MeetingData(Meeting meeting, List<Task> tasks, List<Unit> roster, List<Term> sources,
                           AuditChain.Head auditHead) {
            this(meeting, tasks, roster, sources, auditHead, null);
        }

        public MeetingData(Meeting meeting, List<Task> tasks, List<Unit> roster, List<Term> sources) {
            this(meeting, tasks, roster, sources, null);
        }

        public MeetingData(Meeting meeting, List<Task> tasks, List<Unit> roster) {
            this(meeting, tasks, roster, List.of());
        }

        Map<Long, Unit> unitsById() {
            return roster.stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        }

        /** Per unit, the number of tasks it has a share of. */
        Map<Long, Integer> taskCounts() {
            if (byUnit != null) {
                return byUnit.counts();
            }
            Map<Long, Integer> counts = new HashMap<>();
            for (Task t : tasks) {
                for (Assignment a : t.assignments()) {
                    counts.merge(a.unitId(), 1, Integer::sum);
                }
            }
            return counts;
        }

        /** The meetings that issued the meeting's tasks, in id order (a follow-up meeting reviews others'). */
        public List<Long> issuingMeetings() {
            return byUnit != null ? byUnit.issuingMeetings()
                    : tasks.stream().map(Task::meetingId).distinct().sorted().toList();
        }
    }

    /**
     * A meeting's tasks read one unit at a time, and a large unit's a piece at a time: what a unit's handout lists is
     * read when it is written, so that a batch holds a piece of a unit or two, not the meeting (issue 24: 50,000 tasks
     * and their facts took ~300 MB at once, one unit of 12,900 tasks with its texts still 93 MB).
     */
    public interface ByUnit {
        /** Per unit, the number of tasks it has a share of. */
        Map<Long, Integer> counts();

        /**
         * The unit's tasks (each with all its shares), by meeting and 序号, without their long texts or statuses:
         * which tasks its handout lists, and in what order.
         */
        List<Task> outline(Unit unit);

        /** The tasks of these ids (a piece of a unit's handout), with their texts and statuses of the day; any order. */
        List<Task> tasks(long[] ids);

        /** {@link #tasks(long[])} with the statuses as stored, for a piece whose statuses of the day are known. */
        List<Task> texts(long[] ids);

        /** How many tasks of a unit are read at once. */
        int piece();

        /** A unit of no more than a piece: its tasks whole, with texts and statuses of the day. */
        List<Task> whole(Unit unit);

        /** The meetings that issued the tasks, in id order. */
        List<Long> issuingMeetings();
    }

    /** The tasks a meeting issued (交办会) or reviewed (调度会, 推进会), with their statuses today. */
    public MeetingData read(Meeting meeting) {
        return read(meeting, tracking.today());
    }

    /**
     * What a meeting pack hands out: the meeting's tasks issued by its day (none added later), with the statuses
     * of {@code day} (the pack's day).
     */
    public MeetingData read(Meeting meeting, LocalDate day) {
        return new MeetingData(meeting, tracking.tasksOn(TaskScope.of(meeting), day, meeting.heldOn()),
                units.findAll(), vocabulary.find(Term.Kind.SOURCE), repos.auditHead());
    }

    /**
     * Like {@link #read(Meeting)}, each unit's tasks read when its handout is written: for writing handouts of a
     * meeting of any size (the command line, the meeting pack). The same handouts as from {@link #read(Meeting)},
     * while the ledger does not change in between.
     */
    public MeetingData readByUnit(Meeting meeting) {
        return readByUnit(meeting, tracking.today());
    }

    /** Like {@link #read(Meeting, LocalDate)}, each unit's tasks read when its handout is written. */
    public MeetingData readByUnit(Meeting meeting, LocalDate day) {
        return readByUnit(meeting, day, PIECE);
    }

    /** Tasks of a unit read at once, when its handout is written from {@link #readByUnit}. */
    static final int PIECE = 1_000;

    /** {@link #readByUnit(Meeting, LocalDate)}, a unit's tasks read {@code piece} at a time. */
    MeetingData readByUnit(Meeting meeting, LocalDate day, int piece) {
        return new MeetingData(meeting, List.of(), units.findAll(), vocabulary.find(Term.Kind.SOURCE),
                repos.auditHead(), new MeetingByUnit(repos.tasks(), tracking, meeting, day, piece));
    }

    /** Units with at least one task at the meeting, in roster order; units with no tasks get no handout. */
    public List<UnitHandout> units(MeetingData data) {
        Map<Long, Integer> counts = data.taskCounts();
        Map<Long, Integer> copies = store.copies();
        return data.roster().stream().filter(u -> counts.containsKey(u.id()))
                .map(u -> new UnitHandout(u, counts.get(u.id()), copies.getOrDefault(u.id(), 1)))
                .toList();
    }

    /**
     * What a unit's handout says: its tasks under their source headings, in 序号 order. Read {@link #readByUnit by
     * unit}, the sections hold the tasks' ids and read their texts a piece at a time when they are gone through.
     */
    public static HandoutContent content(MeetingData data, Unit unit, HandoutSettings settings) {
        return UnitContent.of(data, unit, settings);
    }

    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** A unit's handout in pages. */
    public static HandoutLayout layout(MeetingData data, Unit unit, HandoutSettings settings) {
        return new HandoutPaginator(HandoutFonts.of(settings.fonts())).layout(content(data, unit, settings), settings);
    }

    /** Every unit's handout, in roster order, reporting progress per unit. */
    public List<HandoutLayout> layoutAll(MeetingData data, HandoutSettings settings, Progress progress) {
        List<UnitHandout> list = units(data);
        HandoutPaginator paginator = new HandoutPaginator(HandoutFonts.of(settings.fonts()));
        List<HandoutLayout> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Unit u = list.get(i).unit();
            progress.update(i, list.size(), u.name());
            out.add(paginator.layout(content(data, u, settings), settings));
        }
        return out;
    }

    /**
     * The pages of a batch as one sequence for printing or the combined PDF: each unit's handout as many
     * times as it has copies, each copy starting on an odd page (a blank page is added after an odd count),
     * so that a duplex printer never prints two units on one sheet.
     */
    public static List<LayoutPage> combine(List<HandoutLayout> layouts, Function<String, Integer> copiesOfUnit) {
        List<LayoutPage> pages = new ArrayList<>();
        for (HandoutLayout l : layouts) {
            int copies = copiesOfUnit.apply(l.unitName());
            for (int c = 0; c < copies; c++) {
                pages.addAll(l.pages());
                if (l.pageCount() % 2 == 1) {
                    pages.add(LayoutPage.blank(l.geometry()));
                }
            }
        }
        return pages;
    }

    /** The PDF name of a unit's handout: 任务清单-蕉城区.pdf. */
    public static String fileName(String unitName) {
        return HandoutText.tr("handout.doc.fileName", unitName.replaceAll("[\\\\/:*?\"<>|\\s]+", "_"));
    }

    public static String combinedFileName() {
        return HandoutText.tr("handout.doc.combinedFileName");
    }

    /**
     * How many tasks the units being laid out at the same time may have together. Each unit's tasks, their texts
     * and its layout are in memory while it is drawn; two large units at once were the peak of a 50,000-task meeting
     * (issue 24: 256 MiB at any size). The units of an ordinary meeting (hundreds to a few thousand tasks each) are
     * still drawn two at a time.
     */
    static final int TASKS_AT_ONCE = 6_000;

    /** Writes one unit's handout. */
    public static void writeUnit(HandoutLayout layout, Path file) {
        PdfHandoutWriter.write(layout.pages(), unitTitle(layout), false, file);
    }

    private static String unitTitle(HandoutLayout layout) {
        return layout.title() + HandoutText.tr("handout.doc.unitLine", layout.unitName());
    }

    /**
     * Writes one PDF per unit with tasks, and the combined PDF for duplex printing with each unit's copies. The
     * units are laid out and written on all cores, each page drawn as it is laid out and not kept; the combined
     * PDF takes each unit's pages as drawn, in roster order, as soon as the unit is done, and keeps their contents
     * in a temporary file until it is saved. So what is held in memory is a unit or two at a time (their
     * compressed pages), whatever the size of the meeting. Progress is reported on the calling thread.
     *
     * @throws LocalizedException when the meeting has no tasks for any unit or a file cannot be written
     */
    public BatchResult exportAll(MeetingData data, HandoutSettings settings, Path dir, Progress progress) {
        List<UnitHandout> list = units(data);
        if (list.isEmpty()) {
            throw new LocalizedException("handout.error.noTasks", data.meeting().title());
        }
        checkFolder(dir);
        int steps = list.size() + 1;
        HandoutPaginator paginator = new HandoutPaginator(HandoutFonts.of(settings.fonts()));
        Path[] files = new Path[list.size()];
        int[] pageCounts = new int[list.size()];
        int[] started = {0};
        Path combined = dir.resolve(combinedFileName());
        InOrder turns = new InOrder();
        Object readLock = new Object();
        java.util.concurrent.Semaphore budget = new java.util.concurrent.Semaphore(TASKS_AT_ONCE);
        int[] combinedPages = {0};
        try {
            AtomicFiles.write(combined, target -> {
                StreamedBook book = new StreamedBook(target);
                // units on all cores: each lays out and writes its own file (drawing each page as it is laid out),
                // then waits for its turn to join the book, so that no more than one unit per core is held at once
                Parallel.forEach(list.size(), "duban-handouts", i -> {
                    try {
                        UnitHandout h = list.get(i);
                        Unit u = h.unit();
                        Path file = dir.resolve(fileName(u.name()));
                        // the unit's tasks are let go here; the book copies its pages from its file. Units are
                        // drawn side by side while their tasks together stay within TASKS_AT_ONCE: a large unit
                        // of a large meeting is drawn alone
                        int weight = Math.max(1, Math.min(h.tasks(), TASKS_AT_ONCE));
                        budget.acquireUninterruptibly(weight);
                        PdfHandoutWriter.UnitPages drawn;
                        try {
                            drawn = draw(data, u, settings, paginator, pageCounts, i, file, readLock);
                        } finally {
                            budget.release(weight);
                        }
                        files[i] = file;
                        if (turns.await(i)) { // false: an earlier unit failed, and that is what the caller hears
                            try {
                                book.append(drawn, h.copies());
                            } catch (IOException e) {
                                throw new LocalizedException(e, "handout.error.write", combined, e.getMessage());
                            }
                            turns.done(i);
                        }
                    } catch (RuntimeException | Error e) {
                        turns.abort();
                        throw e;
                    }
                }, i -> progress.update(started[0]++, steps, list.get(i).unit().name()));
                progress.update(list.size(), steps, combinedFileName());
                // the unit files' pages as drawn: the combined book draws nothing again
                book.finish(HandoutText.tr("handout.doc.title", settings.city()), true);
                combinedPages[0] = book.pageCount();
            });
        } catch (IOException e) {
            throw new LocalizedException(e, "handout.error.write", combined, e.getMessage());
        }
        progress.update(steps, steps, "");
        int pages = 0;
        for (int p : pageCounts) {
            pages += p;
        }
        return new BatchResult(List.of(files), combined, list.size(), pages, combinedPages[0]);
    }

    /** Lays out and writes one unit's file, drawing each page as it is laid out; gives its pages as drawn. */
    private static PdfHandoutWriter.UnitPages draw(MeetingData data, Unit u, HandoutSettings settings,
                                                   HandoutPaginator paginator, int[] pageCounts, int i, Path file,
                                                   Object readLock) {
        HandoutContent content;
        // one unit read at a time: the ledger's one connection serialises the queries anyway, and two units' tasks,
        // facts and tracking built at once were the peak of a 50,000-task meeting (issue 24)
        synchronized (readLock) {
            content = content(data, u, settings);
        }
        return PdfHandoutWriter.UnitFile.write(file, content.title() + HandoutText.tr("handout.doc.unitLine",
                u.name()), sink -> pageCounts[i] = paginator.layout(content, settings, sink));
    }

    /** What writing one unit's handout made. */
    public record UnitResult(Path file, int tasks, int pages) {
    }

    /** Writes one unit's handout into a folder under its usual name. */
    public UnitResult exportUnit(MeetingData data, Unit unit, HandoutSettings settings, Path dir) {
        HandoutContent content = content(data, unit, settings);
        if (content.taskCount() == 0) {
            throw new LocalizedException("handout.error.unitHasNoTasks", unit.name(), data.meeting().title());
        }
        checkFolder(dir);
        HandoutLayout layout = new HandoutPaginator(HandoutFonts.of(settings.fonts())).layout(content, settings);
        Path file = dir.resolve(fileName(unit.name()));
        writeUnit(layout, file);
        return new UnitResult(file, content.taskCount(), layout.pageCount());
    }

    private static void checkFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new LocalizedException("handout.error.notAFolder", dir);
        }
    }
}
