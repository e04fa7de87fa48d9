package org.duban.service.bulletin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.duban.i18n.LocalizedException;
import org.duban.service.stats.Ranking;
import org.duban.service.stats.UnitRank;

/**
 * Which units a bulletin names as lagging (进度滞后单位): the last {@code count} of the ranking, or every unit whose
 * completion rate is below {@code percent}. A unit that has completed all its shares is never named; units tied
 * at the boundary of the last places are named together.
 */
public record LaggingRule(Kind kind, int count, int percent) {
    public enum Kind {
        /** 完成率排名后 N 位 */
        BOTTOM,
        /** 完成率低于 X% */
        BELOW
    }

    public static final LaggingRule DEFAULT = new LaggingRule(Kind.BOTTOM, 3, 60);

    public LaggingRule {
        Objects.requireNonNull(kind, "kind");
        if (count < 1 || count > 20) {
            throw new LocalizedException("bulletin.error.laggingCount", 1, 20);
        }
        if (percent < 1 || percent > 100) {
            throw new LocalizedException("bulletin.error.laggingPercent");
        }
    }

    /** The lagging units of a ranking, lowest rate first. */
    public List<UnitRank> lagging(Ranking ranking) {
        List<UnitRank> rows = ranking.rows().stream().filter(r -> r.rate() < 1.0).toList();
        List<UnitRank> out = new ArrayList<>();
        if (kind == Kind.BELOW) {
            rows.stream().filter(r -> r.rate() * 100 < percent).forEach(out::add);
        } else if (!rows.isEmpty()) {
            List<UnitRank> worstFirst = new ArrayList<>(rows);
            worstFirst.sort((a, b) -> Integer.compare(b.rank(), a.rank()));
            int cut = worstFirst.get(Math.min(count, worstFirst.size()) - 1).rank();
            worstFirst.stream().filter(r -> r.rank() >= cut).forEach(out::add);
        }
        out.sort((a, b) -> a.rank() != b.rank() ? Integer.compare(b.rank(), a.rank())
                : Integer.compare(a.unit().sortOrder(), b.unit().sortOrder()));
        return List.copyOf(out);
    }
}
