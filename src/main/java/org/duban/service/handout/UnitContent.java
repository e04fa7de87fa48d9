package org.duban.service.handout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.duban.model.Assignment;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.service.vocabulary.VocabularyService;

/**
 * What a unit's handout says ({@link HandoutService#content}): its tasks under their source headings, in 序号 order.
 * Read {@link HandoutService#readByUnit by unit}, the sections hold the tasks' ids and read them a piece at a time
 * when they are gone through ({@link PiecedEntries}; issue 24).
 */
final class UnitContent {
    private UnitContent() {
    }

    static HandoutContent of(HandoutService.MeetingData data, Unit unit, HandoutSettings settings) {
        Map<Long, Unit> byId = data.unitsById();
        HandoutService.ByUnit reader = data.byUnit();
        List<Task> whole = reader == null ? data.tasks() : null;
        if (reader != null && reader.counts().getOrDefault(unit.id(), Integer.MAX_VALUE) <= reader.piece()) {
            // a unit of no more than a piece is read whole in one go, as before pieces: its outline and its piece
            // read by ids were 16-20% more time for the handouts of 2,000 tasks (BENCHMARKS.md, stop 33)
            whole = reader.whole(unit);
        }
        HandoutService.ByUnit byUnit = whole != null ? null : reader;
        Map<String, List<Task>> bySource = new LinkedHashMap<>();
        (whole != null ? whole : byUnit.outline(unit)).stream()
                .sorted((a, b) -> Integer.compare(a.seq(), b.seq()))
                .filter(t -> share(t, unit) != null)
                .forEach(t -> bySource.computeIfAbsent(t.source().strip(), k -> new ArrayList<>()).add(t));
        Function<Task, HandoutEntry> entry = t -> entry(t, unit, byId);
        // read by unit, a piece at a time: the first time a piece is read with its statuses of the day, which are
        // kept (the paginator reads each piece twice); the second time its texts alone
        Map<Long, List<Assignment>> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        Function<long[], List<Task>> read = ids -> {
            if (Arrays.stream(ids).allMatch(statuses::containsKey)) {
                return byUnit.texts(ids).stream().filter(t -> statuses.containsKey(t.id()))
                        .map(t -> t.withId(t.id(), statuses.get(t.id()))).toList();
            }
            List<Task> tracked = byUnit.tasks(ids);
            tracked.forEach(t -> statuses.put(t.id(), t.assignments()));
            return tracked;
        };
        List<HandoutContent.Section> sections = new ArrayList<>();
        int n = 1;
        // sections in the office's order of sources (Settings → 来源和类别), then any other in 序号 order
        List<Map.Entry<String, List<Task>>> ordered = VocabularyService.sorted(
                new ArrayList<>(bySource.entrySet()), Map.Entry::getKey, data.sources());
        PiecedEntries.Pieces pieces = byUnit == null ? null : new PiecedEntries.Pieces(unit.name(),
                ordered.stream().flatMap(e -> e.getValue().stream()).mapToLong(Task::id).toArray(), byUnit.piece(),
                read, entry);
        int offset = 0;
        for (var e : ordered) {
            String heading = HandoutText.chineseNumber(n++) + "、" + HandoutText.sectionTitle(e.getKey());
            int size = e.getValue().size();
            List<HandoutEntry> entries = byUnit == null ? e.getValue().stream().map(entry).toList()
                    : new PiecedEntries(pieces, offset, size);
            offset += size;
            sections.add(new HandoutContent.Section(heading, entries));
        }
        Meeting m = data.meeting();
        return new HandoutContent(unit.name(), HandoutText.tr("handout.doc.title", settings.city()),
                HandoutText.tr("handout.doc.unitLine", unit.name()),
                HandoutText.tr("handout.doc.meetingLine", HandoutService.date(m.heldOn()), m.title()), sections,
                data.auditHead() == null ? "" : HandoutText.tr("audit.head.label", data.auditHead().shortHash(),
                        data.auditHead().row()));
    }

    /** The unit's share of a task, or null. */
    private static Assignment share(Task t, Unit unit) {
        for (Assignment a : t.assignments()) {
            if (a.unitId() == unit.id()) {
                return a;
            }
        }
        return null;
    }

    /** A task's row in the unit's handout; null when the unit has no share of it. */
    private static HandoutEntry entry(Task t, Unit unit, Map<Long, Unit> byId) {
        Assignment mine = share(t, unit);
        return mine == null ? null : new HandoutEntry(t, mine,
                t.unitIds().stream().map(byId::get).filter(u -> u != null).toList(),
                t.hasLeadUnit() ? byId.get(t.leadUnitId()) : null);
    }
}
