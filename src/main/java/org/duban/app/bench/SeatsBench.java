package org.duban.app.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.duban.model.Assignment;
import org.duban.model.CloseOut;
import org.duban.model.CloseOutStage;
import org.duban.model.ProgressReport;
import org.duban.model.Task;
import org.duban.model.VerificationLevel;
import org.duban.persistence.Database;
import org.duban.persistence.TaskScope;
import org.duban.service.Services;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.tracking.ProgressService;

/**
 * {@code bench --seats N --seconds S --db postgresql://…}: N seats (threads, each with its own connection to the
 * shared ledger and its own operator) add 调度 reports and take close-out steps (申请销号, then 验收 not passed, which
 * ends the application so the next one can start) through the services, as fast as they can for S seconds. Each seat
 * works on its own shares of the ledger (the sample's, loaded first into an empty ledger). Every operation is timed
 * on its own; afterwards the ledger is read again and every record the seats were told was saved is looked for by
 * the run's mark: lost (told saved, not there), duplicated (there more than once, or there without a seat having
 * saved it), and the ledger's full {@code check}.
 */
public final class SeatsBench {
    private static final String REPORT = "report";
    private static final String APPLY = "apply";
    private static final String VERIFY = "verify";

    private SeatsBench() {
    }

    /** How many seats, for how long; {@code operationsPerSeat} &gt; 0 stops each seat after that many instead. */
    public record Options(int seats, Duration duration, int operationsPerSeat) {
        public Options {
            if (seats < 1 || seats > 64) {
                throw new org.duban.i18n.LocalizedException("bench.error.seats", seats, 64);
            }
        }
    }

    /** Records of one kind: how many the seats were told were saved, found, lost and duplicated afterwards. */
    public record Count(String kind, long saved, long found, long lost, long duplicated) {
    }

    /**
     * @param operations how many operations succeeded (reports and close-out steps)
     * @param failed     how many operations failed, with the first failure's message
     * @param p50Ms      median latency of one operation (its transaction, from the call to its return)
     */
    public record Result(int seats, double seconds, long operations, long reports, long closeOutSteps, long failed,
                         String firstFailure, double perSecond, double p50Ms, double p95Ms, double maxMs,
                         List<Count> counts, int checkProblems, String ledger) {
        /** No failure, nothing lost, nothing duplicated, the check clean. */
        public boolean clean() {
            return failed == 0 && checkProblems == 0
                    && counts.stream().allMatch(c -> c.lost() == 0 && c.duplicated() == 0);
        }
    }

    /** What the seats were told was saved, by the run's mark: report texts, applications, verified applications. */
    record Saved(Set<String> reports, Set<String> applications, Set<String> verified) {
        Saved() {
            this(new HashSet<>(), new HashSet<>(), new HashSet<>());
        }

        void addAll(Saved other) {
            reports.addAll(other.reports);
            applications.addAll(other.applications);
            verified.addAll(other.verified);
        }
    }

    /** One seat's work: what it saved, its latencies in nanoseconds, its failures. */
    private record SeatWork(Saved saved, long[] nanos, int done, int failed, String firstFailure) {
    }

    /**
     * Runs the seats. {@code connect} opens one new connection to the ledger (called once per seat and once for the
     * setup and the count); {@code clock} is the commands' ("today").
     */
    public static Result run(Supplier<Database> connect, Options o, Clock clock, Consumer<String> progress)
            throws Exception {
        String mark = "压测" + UUID.randomUUID().toString().substring(0, 8);
        List<List<Long>> shares;
        String ledger;
        try (Database db = connect.get()) {
            ledger = db.location();
            Services s = Services.over(db, clock);
            if (s.repositories().tasks().count() == 0) {
                progress.accept("sample → " + ledger);
                SampleMeeting.load(s);
            }
            shares = sharesFor(s, o.seats());
        }
        progress.accept(o.seats() + " seats × " + (o.operationsPerSeat() > 0 ? o.operationsPerSeat() + " operations"
                : o.duration().toSeconds() + " s") + " → " + ledger);

        CountDownLatch ready = new CountDownLatch(o.seats());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(o.seats());
        List<Future<SeatWork>> futures = new ArrayList<>();
        long[] window = new long[2];
        try {
            for (int k = 0; k < o.seats(); k++) {
                int seat = k;
                futures.add(pool.submit(() -> seat(connect, clock, mark, seat, shares.get(seat), o, ready, go)));
            }
            ready.await();
            window[0] = System.nanoTime();
            go.countDown();
            List<SeatWork> work = new ArrayList<>();
            for (Future<SeatWork> f : futures) {
                work.add(f.get());
            }
            window[1] = System.nanoTime();
            return summarize(connect, clock, mark, o, work, (window[1] - window[0]) / 1e9, ledger);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Open shares (not withdrawn, no application under way or closed), dealt round to the seats. */
    private static List<List<Long>> sharesFor(Services s, int seats) {
        LocalDate today = s.today();
        Set<Long> busy = new HashSet<>();
        for (CloseOut co : s.repositories().closeOuts().find(TaskScope.all())) {
            CloseOutStage stage = co.stageOn(today);
            if (stage.isActive()) { // under way or closed: no new application
                busy.add(co.assignmentId());
            }
        }
        List<Long> open = new ArrayList<>();
        for (Task t : s.repositories().tasks().findAll()) {
            for (Assignment a : t.assignments()) {
                if (!busy.contains(a.id()) && !s.repositories().tasks().isWithdrawn(a.id())) {
                    open.add(a.id());
                }
            }
        }
        if (open.size() < seats) {
            throw new org.duban.i18n.LocalizedException("bench.error.seatShares", open.size(), seats);
        }
        List<List<Long>> dealt = new ArrayList<>();
        for (int k = 0; k < seats; k++) {
            dealt.add(new ArrayList<>());
        }
        for (int i = 0; i < open.size(); i++) {
            dealt.get(i % seats).add(open.get(i));
        }
        return dealt;
    }

    private static SeatWork seat(Supplier<Database> connect, Clock clock, String mark, int seat, List<Long> shares,
                                 Options o, CountDownLatch ready, CountDownLatch go) throws InterruptedException {
        Saved saved = new Saved();
        long[] nanos = new long[1024];
        int done = 0;
        int failed = 0;
        String firstFailure = "";
        try (Database db = connect.get()) {
            Services s = Services.over(db, clock).operatedBy("压测席位" + (seat + 1));
            LocalDate today = s.today();
            Map<Long, Long> pending = new HashMap<>(); // share → its application awaiting 验收
            ready.countDown();
            go.await();
            long end = System.nanoTime() + o.duration().toNanos();
            for (int n = 0; o.operationsPerSeat() > 0 ? n < o.operationsPerSeat() : System.nanoTime() < end; n++) {
                // even operations report on the seat's shares in turn; odd ones take each share through
                // 申请 then 验收 (not passed), and on to the next share
                int m = n / 2;
                long share = n % 2 == 0 ? shares.get(m % shares.size()) : shares.get((m / 2) % shares.size());
                String text = mark + " 席位" + (seat + 1) + " 第" + n + "次";
                long t0 = System.nanoTime();
                try {
                    if (n % 2 == 0) {
                        s.progress().addReport(share, new ProgressService.ReportInput(today, Integer.toString(n % 100),
                                text, "压测席位" + (seat + 1)), List.of());
                        saved.reports.add(text);
                    } else if (pending.containsKey(share)) {
                        CloseOut co = s.closeOuts().verify(pending.remove(share), VerificationLevel.values()[0],
                                "压测验收组", today, false, text);
                        saved.verified.add(co.explanation());
                    } else {
                        CloseOut co = s.closeOuts().apply(share, today, text, List.of());
                        saved.applications.add(text);
                        pending.put(share, co.id());
                    }
                    if (done == nanos.length) {
                        nanos = Arrays.copyOf(nanos, nanos.length * 2);
                    }
                    nanos[done++] = System.nanoTime() - t0;
                } catch (RuntimeException e) {
                    if (failed++ == 0) {
                        firstFailure = e.getLocalizedMessage();
                    }
                }
            }
        } catch (RuntimeException e) {
            ready.countDown(); // a seat that could not connect does not hold the others back
            return new SeatWork(saved, new long[0], 0, 1, e.getLocalizedMessage());
        }
        return new SeatWork(saved, Arrays.copyOf(nanos, done), done, failed, firstFailure);
    }

    private static Result summarize(Supplier<Database> connect, Clock clock, String mark, Options o,
                                    List<SeatWork> work, double seconds, String ledger) {
        Saved saved = new Saved();
        long failed = 0;
        String firstFailure = "";
        long[] all = new long[work.stream().mapToInt(SeatWork::done).sum()];
        int at = 0;
        for (SeatWork w : work) {
            saved.addAll(w.saved());
            System.arraycopy(w.nanos(), 0, all, at, w.nanos().length);
            at += w.nanos().length;
            if (w.failed() > 0 && failed == 0) {
                firstFailure = w.firstFailure();
            }
            failed += w.failed();
        }
        Arrays.sort(all);
        List<Count> counts;
        int problems;
        try (Database db = connect.get()) {
            Services s = Services.over(db, clock);
            counts = count(s, mark, saved);
            problems = s.checks().run().problems();
        }
        long reports = saved.reports().size();
        long steps = saved.applications().size() + saved.verified().size();
        return new Result(o.seats(), seconds, all.length, reports, steps, failed, firstFailure,
                seconds > 0 ? all.length / seconds : 0, millis(all, 0.50), millis(all, 0.95), millis(all, 1.0),
                counts, problems, ledger);
    }

    /**
     * Looks for every record of the run (by {@code mark}) in the ledger as it is now: reports by their text,
     * applications by their explanation, verifications by the verified application's explanation.
     */
    static List<Count> count(Services s, String mark, Saved saved) {
        Map<String, Integer> reports = new HashMap<>();
        for (ProgressReport r : s.repositories().reports().find(TaskScope.all())) {
            if (r.text().startsWith(mark + " ")) {
                reports.merge(r.text(), 1, Integer::sum);
            }
        }
        Map<String, Integer> applications = new HashMap<>();
        Map<String, Integer> verified = new HashMap<>();
        for (CloseOut co : s.repositories().closeOuts().find(TaskScope.all())) {
            if (co.explanation().startsWith(mark + " ")) {
                applications.merge(co.explanation(), 1, Integer::sum);
                if (co.verification() != null) {
                    verified.merge(co.explanation(), 1, Integer::sum);
                }
            }
        }
        return List.of(count("reports", saved.reports(), reports),
                count("closeOuts", saved.applications(), applications),
                count("verifications", saved.verified(), verified));
    }

    private static Count count(String kind, Set<String> saved, Map<String, Integer> found) {
        long lost = saved.stream().filter(k -> !found.containsKey(k)).count();
        long duplicated = 0;
        for (Map.Entry<String, Integer> e : found.entrySet()) {
            // a second copy of a saved record, or a record no seat was told it saved
            duplicated += saved.contains(e.getKey()) ? e.getValue() - 1 : e.getValue();
        }
        return new Count(kind, saved.size(), found.values().stream().mapToLong(Integer::longValue).sum(), lost,
                duplicated);
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** The result for {@code --json}. */
    public static Map<String, Object> json(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ledger", r.ledger());
        m.put("seats", r.seats());
        m.put("seconds", round(r.seconds()));
        m.put("operations", r.operations());
        m.put("reports", r.reports());
        m.put("closeOutSteps", r.closeOutSteps());
        m.put("failed", r.failed());
        m.put("perSecond", round(r.perSecond()));
        m.put("p50Ms", round(r.p50Ms()));
        m.put("p95Ms", round(r.p95Ms()));
        m.put("maxMs", round(r.maxMs()));
        List<Object> counts = new ArrayList<>();
        for (Count c : r.counts()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("kind", c.kind());
            cm.put("saved", c.saved());
            cm.put("found", c.found());
            cm.put("lost", c.lost());
            cm.put("duplicated", c.duplicated());
            counts.add(cm);
        }
        m.put("counts", counts);
        m.put("checkProblems", r.checkProblems());
        m.put("clean", r.clean());
        return Map.of("seats", m);
    }

    /** The result as lines for people. */
    public static List<String> lines(Result r) {
        List<String> lines = new ArrayList<>();
        lines.add(org.duban.i18n.Messages.tr("bench.seats.header", r.seats(), fmt(r.seconds()), r.ledger()));
        lines.add(org.duban.i18n.Messages.tr("bench.seats.throughput", r.operations(), r.reports(), r.closeOutSteps(),
                fmt(r.perSecond()), fmt(r.p50Ms()), fmt(r.p95Ms()), fmt(r.maxMs()), r.failed()));
        for (Count c : r.counts()) {
            lines.add(org.duban.i18n.Messages.tr("bench.seats.count", org.duban.i18n.Messages.tr("bench.seats.kind."
                    + c.kind()), c.saved(), c.found(), c.lost(), c.duplicated()));
        }
        if (!r.firstFailure().isEmpty()) {
            lines.add(org.duban.i18n.Messages.tr("bench.seats.failure", r.firstFailure()));
        }
        lines.add(org.duban.i18n.Messages.tr("bench.seats.check", r.checkProblems()));
        return lines;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
