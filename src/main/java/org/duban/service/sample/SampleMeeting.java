package org.duban.service.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.i18n.LocalizedException;
import org.duban.model.Meeting;
import org.duban.model.MeetingKind;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.service.Services;
import org.duban.service.audit.SettableClock;
import org.duban.service.bulletin.Bulletin;
import org.duban.service.bulletin.BulletinService;
import org.duban.service.io.CsvReader;
import org.duban.service.tasks.TaskField;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;

/**
 * The sample: the 19 March 2026 Ningde assignment meeting and its task list ({@code assets/sample}), followed up
 * to 29 November 2026 (reports, milestones, close-outs, 挂牌督办, 下沉督察: see {@link SampleYear}), with a 调度会
 * in July and a 推进会 in September that reviewed the tasks, each with its bulletin (see {@link SampleMeetings}). Everything goes
 * in through the services, the path a user's own work takes, in one transaction, on a clock set to each step's
 * day, so the audit trail reads like the year it stands for.
 */
public final class SampleMeeting {
    public static final String TASKS_RESOURCE = "/assets/sample/meeting-2026-03-19.csv";
    public static final LocalDate DATE = LocalDate.of(2026, 3, 19);
    public static final String TITLE = "全市生态环境保护重点工作任务交办会";
    static final String NOTES = "视频会议：主会场设在市里，各县（市、区）和东侨经济技术开发区设分会场。"
            + "市委书记梁伟新出席并讲话，市长张永宁主持；副市长党帅部署有关工作。"
            + "市领导向各县（市、区）、东侨经济技术开发区和市直重点部门颁发生态环境保护重点工作任务清单。"
            + "表态发言：蕉城区、古田县、福安市、福鼎市、霞浦县。";

    /** Column headings of the sample file, as an office would type them. */
    private static final Map<String, TaskField> HEADERS = Map.ofEntries(
            Map.entry("序号", TaskField.SEQ), Map.entry("来源", TaskField.SOURCE),
            Map.entry("问题类别", TaskField.CATEGORY), Map.entry("问题", TaskField.PROBLEM),
            Map.entry("整改目标", TaskField.TARGET), Map.entry("整改措施", TaskField.MEASURES),
            Map.entry("责任单位", TaskField.UNITS), Map.entry("配合单位", TaskField.SUPPORTING_UNITS),
            Map.entry("责任领导", TaskField.LEADER), Map.entry("完成时限", TaskField.DEADLINE),
            Map.entry("备注", TaskField.REMARKS));

    private SampleMeeting() {
    }

    /**
     * Adds the sample meeting (and the default roster if the database has none).
     *
     * @return the meeting added
     * @throws LocalizedException when the sample meeting is already there
     */
    public static Meeting load(Services services) {
        Meeting added = services.repositories().unitOfWork().inTransaction(() -> {
            services.roster().ensureDefaultRoster();
            boolean present = services.meetings().all().stream()
                    .anyMatch(m -> m.heldOn().equals(DATE) && m.title().equals(TITLE));
            if (present) {
                throw new LocalizedException("sample.error.present");
            }
            // the year is replayed on its own clock: each record dated as it would have been written
            SettableClock clock = new SettableClock(ZoneId.systemDefault(), DATE, LocalTime.of(11, 30));
            Services sample = services.at(clock).operatedBy(SampleYear.OPERATOR);
            TaskService tasks = sample.tasks();
            SampleMeetings meetings = new SampleMeetings(sample.meetings(), sample.tracking(), tasks.units());
            Meeting meeting = meetings.assignmentMeeting();
            List<Task> created = new ArrayList<>();
            for (TaskInput input : readTasks()) {
                created.add(tasks.create(meeting.id(), input));
            }
            Map<Long, Unit> units = new HashMap<>();
            tasks.units().forEach(u -> units.put(u.id(), u));
            SampleYear year = new SampleYear(clock, sample, units);
            BulletinService bulletins = sample.bulletins();
            meetings.planFollowUps(year, m -> {
                // each follow-up meeting had its bulletin; at the 推进会 the lagging units pledged
                Bulletin b = bulletins.prepare(null, m.heldOn());
                bulletins.issue(b);
                if (m.kind() == MeetingKind.PUSH) {
                    meetings.pledges(m, b.lagging().stream().map(r -> r.unit().id()).toList());
                }
            });
            year.replay(created, DATE);
            return meeting;
        });
        services.database().checkpoint(); // a year of records into the database file now, not when SQLite gets round to it
        return added;
    }

    /** The sample tasks as text rows. */
    public static List<TaskInput> readTasks() {
        try (InputStream in = SampleMeeting.class.getResourceAsStream(TASKS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + TASKS_RESOURCE);
            }
            List<List<String>> rows = CsvReader.read(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = rows.get(0);
            return rows.subList(1, rows.size()).stream().map(row -> {
                Map<TaskField, String> values = new EnumMap<>(TaskField.class);
                for (int i = 0; i < header.size() && i < row.size(); i++) {
                    TaskField f = HEADERS.get(header.get(i).strip());
                    if (f != null) {
                        values.put(f, row.get(i));
                    }
                }
                return TaskInput.of(values);
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
