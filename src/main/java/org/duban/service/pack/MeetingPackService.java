package org.duban.service.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.i18n.Translator;
import org.duban.model.Meeting;
import org.duban.service.bulletin.Bulletin;
import org.duban.service.bulletin.BulletinService;
import org.duban.service.chart.ChartRenderer;
import org.duban.service.chart.ChartStyle;
import org.duban.service.chart.ProgressCharts;
import org.duban.service.handout.HandoutService;
import org.duban.service.handout.HandoutSettings;
import org.duban.service.handout.HandoutText;
import org.duban.service.ledger.LedgerExporter;
import org.duban.service.meetings.MeetingService;
import org.duban.service.stats.StatsScope;
import org.duban.service.stats.StatsService;
import org.duban.service.stats.TrendPeriod;
import org.duban.service.stats.UnitGroup;
import org.jfree.chart.JFreeChart;

/**
 * The meeting pack (会议材料): one folder named after the meeting ({@code 2026-11-29 推进会}) holding every unit's
 * handout and the combined duplex PDF ({@code 任务清单/}), the bulletin as PDF and Word (issued: its figures are
 * kept; a draft without a number when a bulletin was issued for a later day), the charts as PNG for slides
 * ({@code 图表/}) and the ledger as .xlsx. Everything counts as of the meeting's day, or today for a meeting still to
 * come (the pack is made the day before), and lists the tasks issued by the meeting's day.
 */
public final class MeetingPackService {
    /** Slide size of the chart images. */
    static final int SLIDE_WIDTH = ChartRenderer.DEFAULT_WIDTH;
    static final int SLIDE_HEIGHT = ChartRenderer.DEFAULT_HEIGHT;

    private final MeetingService meetings;
    private final BulletinService bulletins;
    private final StatsService stats;
    private final HandoutService handouts;
    private final LedgerExporter ledger;

    public MeetingPackService(MeetingService meetings, BulletinService bulletins, StatsService stats,
                              HandoutService handouts, LedgerExporter ledger) {
        this.meetings = meetings;
        this.bulletins = bulletins;
        this.stats = stats;
        this.handouts = handouts;
        this.ledger = ledger;
    }

    /** Reports progress: {@code done} of {@code total} steps, and what is being written. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total, String step);

        Progress NONE = (d, t, s) -> { };
    }

    /** What a pack holds. */
    public record Result(Path folder, LocalDate asOf, int units, List<Path> files, Bulletin bulletin) {
        public Result {
            files = List.copyOf(files);
        }
    }

    /** The day a meeting's pack counts to: the meeting's day, or today when the meeting is still to come. */
    public LocalDate asOf(Meeting m) {
        LocalDate today = bulletins.today();
        return m.heldOn().isAfter(today) ? today : m.heldOn();
    }

    /** 2026-11-29 推进会 */
    public static String folderName(Meeting m) {
        return HandoutText.tr("pack.doc.folder", m.heldOn().toString(), HandoutText.tr("meeting.kind." + m.kind().name()));
    }

    /**
     * Writes the pack of a meeting into a new or existing folder under {@code parent} (files of an earlier pack
     * are replaced).
     *
     * @throws LocalizedException when the meeting has no tasks to hand out, or a file cannot be written
     */
    public Result write(long meetingId, Path parent, Progress progress) {
        Meeting m = meetings.find(meetingId).orElseThrow(() -> new LocalizedException("meetings.error.gone"));
        LocalDate asOf = asOf(m);
        HandoutSettings settings = handouts.settings().load();
        HandoutService.MeetingData data = handouts.readByUnit(m, asOf);
        List<HandoutService.UnitHandout> units = handouts.units(data);
        if (units.isEmpty()) {
            throw new LocalizedException("pack.error.noTasks", m.title());
        }
        Path folder = parent.resolve(folderName(m));
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new LocalizedException("handout.error.notAFolder", folder);
        }
        List<Meeting> ledgers = ledgerMeetings(m, data);
        int total = units.size() + 1 + 2 + 5 + ledgers.size();
        int[] done = {0};
        List<Path> files = new ArrayList<>();

        Path handoutDir = folder.resolve(HandoutText.tr("pack.doc.handoutFolder"));
        HandoutService.BatchResult batch = handouts.exportAll(data, settings, handoutDir,
                (d, t, unit) -> progress.update(d, total, unit));
        files.addAll(batch.unitFiles());
        files.add(batch.combined());
        done[0] = units.size() + 1;

        progress.update(done[0], total, HandoutText.tr("pack.doc.step.bulletin"));
        Bulletin bulletin = bulletins.prepare(null, asOf);
        for (BulletinService.Format f : BulletinService.Format.values()) {
            Path file = folder.resolve(BulletinService.fileName(asOf, f));
            BulletinService.write(bulletin, file, settings.fonts());
            files.add(file);
            progress.update(++done[0], total, file.getFileName().toString());
        }
        if (!bulletin.isDraft()) {
            // issued once its files exist: a pack that fails (or is killed) before them records no bulletin that
            // nobody holds; a day before a bulletin already issued gets a draft, with no number
            bulletins.issue(bulletin);
        }

        Map<String, JFreeChart> charts = slides(bulletin);
        Path chartDir = folder.resolve(HandoutText.tr("pack.doc.chartFolder"));
        int n = 1;
        for (var e : charts.entrySet()) {
            Path file = chartDir.resolve(HandoutText.tr("pack.doc.chartFile", n++, HandoutText.tr(e.getKey())));
            ChartRenderer.writePng(e.getValue(), file, SLIDE_WIDTH, SLIDE_HEIGHT);
            files.add(file);
            progress.update(++done[0], total, file.getFileName().toString());
        }

        LedgerExporter ledger = this.ledger.in(Translator.chinese());
        for (Meeting lm : ledgers) {
            String name = ledgers.size() == 1 ? HandoutText.tr("pack.doc.ledger", asOf.toString())
                    : HandoutText.tr("pack.doc.ledgerOf", asOf.toString(), lm.heldOn().toString());
            Path file = folder.resolve(name);
            ledger.export(lm, file, asOf, m.heldOn());
            files.add(file);
            progress.update(++done[0], total, file.getFileName().toString());
        }
        progress.update(total, total, "");
        return new Result(folder, asOf, units.size(), files, bulletin);
    }

    /**
     * The pack's slides, by the key of their file name: drawn from the bulletin's figures (and the trend and
     * breakdown to its day), in Chinese like every file of the pack, whatever the window's language.
     */
    Map<String, JFreeChart> slides(Bulletin bulletin) {
        ProgressCharts slides = new ProgressCharts(ChartStyle.screen(), Messages.CHINESE);
        StatsScope scope = StatsScope.all();
        LocalDate asOf = bulletin.asOf();
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put("pack.doc.chart.ranking", slides.ranking(bulletin.counties()));
        charts.put("pack.doc.chart.status", slides.status(bulletin.stats(), UnitGroup.COUNTIES));
        charts.put("pack.doc.chart.lights", slides.lights(bulletin.stats(), UnitGroup.COUNTIES));
        charts.put("pack.doc.chart.trend", slides.trend(stats.trend(scope, null, TrendPeriod.MONTH, asOf)));
        charts.put("pack.doc.chart.source", slides.bySource(stats.breakdown(scope, asOf)));
        return charts;
    }

    /** The meetings whose ledgers go in the pack: the meeting itself, or those that issued the tasks it reviewed. */
    private List<Meeting> ledgerMeetings(Meeting m, HandoutService.MeetingData data) {
        if (!m.kind().isFollowUp()) {
            return List.of(m);
        }
        List<Meeting> out = new ArrayList<>();
        data.issuingMeetings().forEach(id -> meetings.find(id).ifPresent(out::add));
        return out;
    }

    /** Whether a folder exists and holds something (a pack written before). */
    public static boolean hasFiles(Path folder) {
        try (var s = Files.list(folder)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
