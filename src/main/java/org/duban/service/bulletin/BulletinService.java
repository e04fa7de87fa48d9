package org.duban.service.bulletin;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.AuditEntity;
import org.duban.model.IssuedBulletin;
import org.duban.model.Unit;
import org.duban.persistence.BulletinRepository;
import org.duban.persistence.Repositories;
import org.duban.persistence.UnitOfWork;
import org.duban.service.audit.AuditLog;
import org.duban.service.chart.ChartStyle;
import org.duban.service.chart.ProgressCharts;
import org.duban.service.handout.FontPreference;
import org.duban.service.handout.HandoutFonts;
import org.duban.service.handout.HandoutSettingsStore;
import org.duban.service.stats.DepartmentRank;
import org.duban.service.stats.Ranking;
import org.duban.service.stats.Stats;
import org.duban.service.stats.StatsScope;
import org.duban.service.stats.StatsService;
import org.duban.service.stats.StatsTally;
import org.duban.service.stats.UnitGroup;
import org.duban.service.tracking.TaskTracking;
import org.jfree.chart.JFreeChart;

/**
 * Bulletins (通报): prepares one as of a day from the statistics service's figures and ranking, keeps the figures
 * of each issued one (so that the next shows how the ranking moved), and writes it as PDF or Word.
 */
public final class BulletinService {
    /** Width to height of the ranking chart in a bulletin. */
    static final double CHART_SHAPE = 16.0 / 10.0;

    private final Repositories repos;
    private final UnitOfWork uow;
    private final AuditLog audit;
    private final StatsService stats;
    private final BulletinRepository bulletins;
    private final BulletinSettings settings;
    private final HandoutSettingsStore handoutSettings;

    public BulletinService(Repositories repos, UnitOfWork uow, AuditLog audit, StatsService stats,
                           BulletinSettings settings, HandoutSettingsStore handoutSettings) {
        this.repos = repos;
        this.uow = uow;
        this.audit = audit;
        this.stats = stats;
        this.bulletins = repos.bulletins();
        this.settings = settings;
        this.handoutSettings = handoutSettings;
    }

    public BulletinSettings settings() {
        return settings;
    }

    /** Today by the service's clock (the default day of a bulletin). */
    public LocalDate today() {
        return stats.today();
    }

    /**
     * The bulletin as of {@code asOf} for the tasks of one meeting (every meeting when null): the figures the
     * statistics service gives for that day, compared with the last bulletin issued for an earlier day.
     *
     * <p>Its number (期号) is the one it takes when issued: the next after the issued bulletins of its scope, or the
     * number of the one issued for the same day (which it replaces). When a bulletin of the scope was already issued
     * for a later day and none for this one, it cannot be issued (its number would be one already printed, and the
     * later bulletin's rank changes were counted without it): it comes back as a draft, without a number.
     */
    public Bulletin prepare(Long meetingId, LocalDate asOf) {
        StatsScope scope = StatsScope.meeting(meetingId);
        List<Unit> roster = repos.units().findAll();
        // a piece of the ledger at a time: counted, and only the overdue and supervised tasks it names kept
        StatsTally tally = new StatsTally();
        DepartmentRank.Tally departmentTally = new DepartmentRank.Tally();
        List<TaskTracking> overdue = new ArrayList<>();
        List<TaskTracking> supervised = new ArrayList<>();
        stats.trackedInPieces(scope, asOf, piece -> {
            for (TaskTracking t : piece) {
                tally.add(t);
                departmentTally.add(t);
                if (t.overdue()) {
                    overdue.add(t);
                }
                if (t.supervised()) {
                    supervised.add(t);
                }
            }
        });
        Stats figures = tally.stats(roster, asOf);
        IssuedBulletin previous = bulletins.latestBefore(meetingId, asOf).orElse(null);
        BulletinSettings.Values values = settings.load();
        Ranking counties = Bulletin.againstIssued(Ranking.of(figures, null, UnitGroup.COUNTIES), previous);
        Ranking departments = values.rankDepartments()
                ? Bulletin.againstIssued(Ranking.of(figures, null, UnitGroup.CITY_DEPARTMENTS), previous)
                : new Ranking(asOf, null, UnitGroup.CITY_DEPARTMENTS, List.of());
        boolean sameDay = bulletins.onDay(meetingId, asOf).isPresent();
        Integer number = sameDay || laterIssued(meetingId, asOf).isEmpty()
                ? bulletins.countUpTo(meetingId, asOf) + (sameDay ? 0 : 1) : null;
        String city = handoutSettings.load().city();
        String meetingLine = meetingId == null ? "" : repos.meetings().findById(meetingId)
                .map(m -> BulletinText.date(m.heldOn()) + m.title())
                .orElseThrow(() -> new LocalizedException("meetings.error.gone"));
        Map<Long, Unit> units = roster.stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        return new Bulletin(asOf, meetingId, meetingLine, number, city, BulletinSettings.issuer(values, city), figures,
                counties, departments, previous, values.rule(), values.rule().lagging(counties),
                overdue, supervised, units, repos.auditHead(),
                values.rankDepartments() ? departmentTally.ranks(roster) : List.of());
    }

    /** The bulletin as of {@code asOf} as a draft: the same figures and words, no number; never issued. */
    public Bulletin draft(Long meetingId, LocalDate asOf) {
        return prepare(meetingId, asOf).asDraft();
    }

    /** The latest bulletin of the scope issued for a day after {@code asOf}, if any. */
    private Optional<IssuedBulletin> laterIssued(Long meetingId, LocalDate asOf) {
        return bulletins.findAll().stream()
                .filter(i -> Objects.equals(i.meetingId(), meetingId) && i.asOf().isAfter(asOf)).findFirst();
    }

    /**
     * Refuses to issue a draft: a bulletin for a day before one already issued, or one made as a draft.
     *
     * @throws LocalizedException saying which later bulletin stands in the way, and that a draft can be made
     */
    public void checkIssuable(Bulletin b) {
        if (!b.isDraft()) {
            return;
        }
        IssuedBulletin later = laterIssued(b.meetingId(), b.asOf())
                .orElseThrow(() -> new LocalizedException("bulletin.error.draft"));
        throw new LocalizedException("bulletin.error.laterIssued", later.asOf().toString(),
                bulletins.countUpTo(b.meetingId(), later.asOf()), b.asOf().toString());
    }

    /**
     * Keeps a bulletin's figures as issued (replacing any issued earlier for the same day and scope), so that
     * the next bulletin compares with them.
     *
     * @throws LocalizedException when it is a draft ({@link #checkIssuable})
     */
    public IssuedBulletin issue(Bulletin b) {
        checkIssuable(b);
        return uow.inTransaction(() -> {
            IssuedBulletin stored = bulletins.replace(b.toIssued(Instant.now(audit.clock()).truncatedTo(ChronoUnit.SECONDS)));
            if (b.auditHead() != null) {
                bulletins.recordAuditHead(stored.id(), b.auditHead().row(), b.auditHead().hash());
            }
            audit.created(AuditEntity.BULLETIN, stored.id(), null, null,
                    BulletinText.tr("bulletin.doc.number", b.number()) + " " + b.asOf() + " "
                            + BulletinText.percent(stored.totals().completionRate()));
            return stored;
        });
    }

    /** Every issued bulletin, newest first. */
    public List<IssuedBulletin> issued() {
        return bulletins.findAll();
    }

    /** Type sizes of a chart set across an A4 text column (the charts' own are for a 1280 × 720 slide). */
    static final double PAGE_TYPE = 1.8;

    /**
     * The ranking chart of a bulletin, made by the charts service, with type sized for the page; in Chinese, as the
     * bulletin is, whatever the window's language.
     */
    public static JFreeChart chart(Bulletin b) {
        return new ProgressCharts(ChartStyle.screen().scaled(PAGE_TYPE), Messages.CHINESE).ranking(b.counties());
    }

    /** The bulletin's words and table, with its chart. */
    public static BulletinDocument document(Bulletin b) {
        return BulletinText.document(b, new ChartPicture(chart(b)), CHART_SHAPE);
    }

    /** The file formats a bulletin is written in. */
    public enum Format {
        PDF, DOCX;

        /** By the file's extension; anything but .pdf and .docx is refused with a message. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".pdf")) {
                return PDF;
            }
            if (name.endsWith(".docx")) {
                return DOCX;
            }
            throw new LocalizedException("bulletin.error.format", file.getFileName());
        }
    }

    /** Writes the bulletin to {@code file} as PDF or Word, by its extension. */
    public static void write(Bulletin b, Path file, FontPreference fonts) {
        Format format = Format.of(file);
        BulletinDocument doc = document(b);
        if (format == Format.PDF) {
            new BulletinPdfWriter(HandoutFonts.of(fonts)).write(doc, file);
        } else {
            BulletinDocxWriter.write(doc, file);
        }
    }

    /** The font preference of the ledger's handouts, which bulletins share. */
    public FontPreference fonts() {
        return handoutSettings.load().fonts();
    }

    /** 通报-2026-11-29.pdf */
    public static String fileName(LocalDate asOf, Format format) {
        return BulletinText.tr("bulletin.doc.fileName", asOf.toString(), format.name().toLowerCase(Locale.ROOT));
    }
}
