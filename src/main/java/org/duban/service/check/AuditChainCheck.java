package org.duban.service.check;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duban.i18n.Messages;
import org.duban.persistence.AuditChain;
import org.duban.persistence.AuditRepository;
import org.duban.persistence.BulletinRepository;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.TrackedTables;
import org.duban.persistence.TrackingConsistencyRepository;

/**
 * The audit trail (留痕) is unbroken and vouches for the ledger:
 * <ul>
 *   <li>its triggers are exactly the ones the program made ({@link AuditChain#TRIGGERS}), compared by their SQL,
 *       not only by name: a do-nothing trigger under the right name is caught, and so is any other trigger on it;</li>
 *   <li>every row's hash is the SHA-256 of its content and the row before's hash: a row edited after the triggers
 *       were dropped (and put back) is named;</li>
 *   <li>its rows are numbered 1, 2, 3 … without a gap: SQLite numbers a new row one past the highest, and a
 *       rolled-back change leaves no gap, so a gap means rows were deleted;</li>
 *   <li>time never goes backwards from one row to the next by more than {@link #CLOCK_SLACK};</li>
 *   <li>every tracked row ({@link TrackedTables}: tasks, shares, reports, milestones, close-outs, evidence,
 *       supervisions, inspections, findings) is what its last audit row says it became: a value changed, a row
 *       deleted or put back with plain SQL is named; and so is the removal of the last audit rows about it;</li>
 *   <li>every tracking record has the CREATE row the program writes in the same transaction.</li>
 * </ul>
 * The program holds no secret: whoever has the file can build a whole new chain. A head printed earlier
 * ({@link AnchorCheck}, {@code check --anchor}) exposes that.
 */
final class AuditChainCheck implements LedgerCheck {
    static final Duration CLOCK_SLACK = Duration.ofMinutes(10);
    /** Enough findings of one kind to act on; the rest are counted. */
    static final int LISTED = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public String titleKey() {
        return "check.audit";
    }

    @Override
    public List<Finding> run(Database db, Repositories repos) {
        AuditRepository audit = repos.audit();
        List<Finding> findings = new ArrayList<>();
        Map<String, String> triggers = audit.triggers();
        Map<String, String> expected = AuditChain.triggersOf(db);
        expected.forEach((name, sql) -> {
            String actual = triggers.get(name);
            if (actual == null) {
                findings.add(Finding.of("check.audit.unguarded", name));
            } else if (!AuditChain.normalized(actual).equals(AuditChain.normalized(sql))) {
                findings.add(Finding.of("check.audit.alteredTrigger", name));
            }
        });
        triggers.keySet().stream().filter(n -> !expected.containsKey(n))
                .forEach(n -> findings.add(Finding.of("check.audit.foreignTrigger", n)));
        AuditChain.Verification v = AuditChain.verify(db);
        findings.addAll(capped(v.broken().stream()
                .map(b -> Finding.of(b.missing() ? "check.audit.unchained" : "check.audit.brokenLink", b.id()))
                .toList()));
        findings.addAll(capped(timeline(audit)));
        // each issued bulletin printed the head of its day: the trail must still hold it
        for (BulletinRepository.PrintedHead p : repos.bulletins().printedHeads()) {
            String now = AuditChain.hashOf(db, p.row()).orElse(null);
            if (!p.hash().equals(now)) {
                AuditChain.Head printed = new AuditChain.Head(p.row(), p.hash());
                findings.add(Finding.of("check.audit.bulletinHead", p.asOf().toString(), printed.shortHash(),
                        p.row()));
            }
        }
        TaskRepository tasks = repos.tasks();
        // only the listed ones are worded (each looks its task up): a ledger rewritten wholesale stays quick
        List<AuditChain.StateMismatch> mismatches = v.mismatches();
        findings.addAll(mismatches.stream().limit(LISTED).map(m -> mismatch(m, tasks)).toList());
        if (mismatches.size() > LISTED) {
            findings.add(Finding.of("check.more", mismatches.size() - LISTED));
        }
        findings.addAll(capped(repos.trackingConsistency().unaudited().stream()
                .map(u -> u.place().seq() == 0
                        ? Finding.of("check.audit.unauditedLoose", Messages.tr("audit.entity." + u.entity()), u.id())
                        : Finding.of("check.audit.unaudited", Messages.tr("audit.entity." + u.entity()), u.id(),
                                Places.of(u.place())))
                .toList()));
        return findings;
    }

    private static Finding mismatch(AuditChain.StateMismatch m, TaskRepository tasks) {
        String what = Messages.tr("audit.entity." + m.entity());
        String key = "check.audit.state." + m.kind().name().toLowerCase(java.util.Locale.ROOT);
        Object place = m.taskId() == null ? "" : tasks.findById(m.taskId())
                .map(t -> Places.of(new TrackingConsistencyRepository.Place(t.meetingId(), t.seq(), "")))
                .map(p -> (Object) (p + "："))
                .orElse("");
        return Finding.of(key, what, m.id(), place);
    }

    /** Gaps, unreadable times and time going backwards, the trail read one row at a time. */
    private static List<Finding> timeline(AuditRepository audit) {
        List<Finding> findings = new ArrayList<>();
        audit.forEachStamp(new java.util.function.Consumer<>() {
            long expected = 1;
            AuditRepository.Stamp previous;
            Instant previousAt;

            @Override
            public void accept(AuditRepository.Stamp s) {
                if (s.id() > expected) {
                    findings.add(Finding.of("check.audit.gap", expected, s.id() - 1, s.id() - expected));
                }
                expected = s.id() + 1;
                Instant at;
                try {
                    at = Instant.parse(s.at());
                } catch (DateTimeParseException e) {
                    findings.add(Finding.of("check.audit.badTime", s.id(), s.at()));
                    return;
                }
                if (previousAt != null && at.isBefore(previousAt.minus(CLOCK_SLACK))) {
                    findings.add(Finding.of("check.audit.backwards", s.id(), local(at), previous.id(),
                            local(previousAt)));
                }
                previous = s;
                previousAt = at;
            }
        });
        return findings;
    }

    private static String local(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneId.systemDefault()).format(TIME);
    }

    private static List<Finding> capped(List<Finding> all) {
        if (all.size() <= LISTED) {
            return all;
        }
        List<Finding> list = new ArrayList<>(all.subList(0, LISTED));
        list.add(Finding.of("check.more", all.size() - LISTED));
        return list;
    }
}
