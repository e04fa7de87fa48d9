package org.duban.service.handout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.TaskScope;
import org.duban.service.tracking.TrackingService;

/**
 * A meeting's handouts read a unit at a time, and a unit's tasks a piece at a time ({@link HandoutService#readByUnit}):
 * the tasks a meeting pack or the command line hands out, issued by the meeting's day, with their statuses of
 * {@code day}.
 */
final class MeetingByUnit implements HandoutService.ByUnit {
    private final TaskRepository tasks;
    private final TrackingService tracking;
    private final Meeting meeting;
    private final LocalDate day;
    private final int piece;
    private final Map<Long, Integer> counts;

    MeetingByUnit(TaskRepository tasks, TrackingService tracking, Meeting meeting, LocalDate day, int piece) {
        this.tasks = tasks;
        this.tracking = tracking;
        this.meeting = meeting;
        this.day = day;
        this.piece = piece;
        this.counts = Map.copyOf(tasks.sharesByUnit(TaskScope.of(meeting), meeting.heldOn()));
    }

    @Override
    public Map<Long, Integer> counts() {
        return counts;
    }

    /**
     * The unit's tasks as {@link TrackingService#tasksOnDay} gives them (those issued by the meeting's day, by meeting
     * and 序号), read without their long texts ({@link TaskRepository#findForCounting}) and statuses.
     */
    @Override
    public synchronized List<Task> outline(Unit unit) {
        TaskScope scope = TaskScope.ofUnit(meeting, unit.id());
        List<Task> list = tasks.findForCounting(scope);
        Map<Long, LocalDate> issued = tasks.issuedDates(scope);
        List<Task> out = new ArrayList<>(list.size());
        for (Task t : list) {
            LocalDate on = issued.get(t.id());
            if (on == null || !on.isAfter(meeting.heldOn())) { // issued by the meeting's day, as tracking counts it
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public synchronized List<Task> tasks(long[] ids) {
        return tracking.tasksOnDay(TaskScope.tasks(ids), day, meeting.heldOn());
    }

    @Override
    public synchronized List<Task> texts(long[] ids) {
        return tasks.find(TaskScope.tasks(ids));
    }

    @Override
    public synchronized List<Task> whole(Unit unit) {
        return tracking.tasksOnDay(TaskScope.ofUnit(meeting, unit.id()), day, meeting.heldOn());
    }

    @Override
    public int piece() {
        return piece;
    }

    @Override
    public List<Long> issuingMeetings() {
        return tasks.issuingMeetings(TaskScope.of(meeting), meeting.heldOn());
    }
}
