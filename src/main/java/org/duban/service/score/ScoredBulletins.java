package org.duban.service.score;

import java.time.LocalDate;
import org.duban.service.bulletin.Bulletin;
import org.duban.service.bulletin.BulletinService;
import org.duban.service.bulletin.BulletinText;
import org.duban.service.bulletin.ScoreSection;

/**
 * Bulletins with their optional 考评排名 section. The score service reads the issued bulletins (a unit named as
 * lagging loses points), so the bulletin service cannot ask it for scores: this assembler, one level up, prepares
 * the bulletin, scores the units from 1 January of its year to its day with the rule set in force on that day, and
 * hands the ranking to the bulletin as plain figures.
 */
public final class ScoredBulletins {
    private final BulletinService bulletins;
    private final ScoreService scores;

    public ScoredBulletins(BulletinService bulletins, ScoreService scores) {
        this.bulletins = bulletins;
        this.scores = scores;
    }

    public BulletinService bulletins() {
        return bulletins;
    }

    /**
     * The bulletin as {@link BulletinService#prepare} makes it (a draft when {@code draft}), with the 考评排名 section
     * when the bulletin settings ask for it or {@code withScore} is true.
     */
    public Bulletin prepare(Long meetingId, LocalDate asOf, boolean draft, boolean withScore) {
        Bulletin b = draft ? bulletins.draft(meetingId, asOf) : bulletins.prepare(meetingId, asOf);
        return withScore || bulletins.settings().load().withScore() ? b.withScores(section(asOf)) : b;
    }

    /** The units' scores from 1 January of {@code asOf}'s year to {@code asOf}, as the bulletin prints them. */
    public ScoreSection section(LocalDate asOf) {
        return section(scores.score(asOf.withDayOfYear(1), asOf));
    }

    static ScoreSection section(ScoreService.ScoreTable t) {
        ScoreRules r = t.rules();
        String rules = r.effectiveFrom().equals(ScoreRules.defaults().effectiveFrom())
                ? BulletinText.tr("bulletin.doc.score.defaultRules")
                : BulletinText.tr("bulletin.doc.score.rules", BulletinText.date(r.effectiveFrom()),
                        r.name().isEmpty() ? "" : "“" + r.name() + "”");
        return new ScoreSection(t.from(), t.asOf(), rules, t.units().stream()
                .map(u -> new ScoreSection.Row(u.rank(), u.unit().name(), ScoreExport.num(u.added()),
                        ScoreExport.num(u.deducted()), ScoreExport.num(u.total())))
                .toList());
    }
}
