package org.duban.service.check;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duban.i18n.Messages;
import org.duban.persistence.AuditRepository;
import org.duban.persistence.Database;
import org.duban.persistence.TrackingConsistencyRepository;

/**
 * The audit trail (留痕) is unbroken:
 * <ul>
 *   <li>its append-only guards are in place (the triggers that refuse UPDATE and DELETE on {@code audit_log});
 *       without them nothing stops another tool from rewriting history;</li>
 *   <li>its rows are numbered 1, 2, 3 … without a gap: SQLite numbers a new row one past the highest, and a
 *       rolled-back change leaves no gap, so a gap means rows were deleted;</li>
 *   <li>time never goes backwards from one row to the next by more than {@link #CLOCK_SLACK} (a clock
 *       synchronisation may step back a little; more means the computer's clock was set back, or rows were
 *       written by another tool);</li>
 *   <li>every tracking record (report, milestone, close-out, evidence, supervision, inspection, finding) has
 *       the CREATE row the program writes in the same transaction; one without it was not added by the program.</li>
 * </ul>
 * There is no hash chain: the program holds no secret, so whoever can drop the triggers could recompute hashes
 * too. The guards, the numbering and the link to the records catch what an accident or another tool leaves.
 */
final class AuditChainCheck implements LedgerCheck {
    static final Duration CLOCK_SLACK = Duration.ofMinutes(10);
    /** The guards of schema version 2: trigger name → the statement it must stop. */
    private static final Map<String, String> GUARDS = Map.of("audit_log_no_update", "BEFOREUPDATEONAUDIT_LOG",
            "audit_log_no_delete", "BEFOREDELETEONAUDIT_LOG");
    /** Enough findings of one kind to act on; the rest are counted. */
    static final int LISTED = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public String titleKey() {
        return "check.audit";
    }

    @Override
    public List<Finding> run(Database db) {
        AuditRepository audit = new AuditRepository(db);
        List<Finding> findings = new ArrayList<>();
        Map<String, String> triggers = audit.triggers();
        GUARDS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(g -> {
            String sql = triggers.getOrDefault(g.getKey(), "").replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            if (!sql.contains(g.getValue()) || !sql.contains("RAISE(ABORT")) {
                findings.add(Finding.of("check.audit.unguarded", g.getKey()));
            }
        });
        findings.addAll(capped(timeline(audit.timeline())));
        findings.addAll(capped(new TrackingConsistencyRepository(db).unaudited().stream()
                .map(u -> u.place().seq() == 0
                        ? Finding.of("check.audit.unauditedLoose", Messages.tr("audit.entity." + u.entity()), u.id())
                        : Finding.of("check.audit.unaudited", Messages.tr("audit.entity." + u.entity()), u.id(),
                                Places.of(u.place())))
                .toList()));
        return findings;
    }

    private static List<Finding> timeline(List<AuditRepository.Stamp> stamps) {
        List<Finding> findings = new ArrayList<>();
        long expected = 1;
        AuditRepository.Stamp previous = null;
        Instant previousAt = null;
        for (AuditRepository.Stamp s : stamps) {
            if (s.id() > expected) {
                findings.add(Finding.of("check.audit.gap", expected, s.id() - 1, s.id() - expected));
            }
            expected = s.id() + 1;
            Instant at;
            try {
                at = Instant.parse(s.at());
            } catch (DateTimeParseException e) {
                findings.add(Finding.of("check.audit.badTime", s.id(), s.at()));
                continue;
            }
            if (previousAt != null && at.isBefore(previousAt.minus(CLOCK_SLACK))) {
                findings.add(Finding.of("check.audit.backwards", s.id(), local(at), previous.id(), local(previousAt)));
            }
            previous = s;
            previousAt = at;
        }
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
