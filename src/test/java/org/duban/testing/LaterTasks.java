package org.duban.testing;

import java.time.LocalDate;
import org.duban.model.Meeting;
import org.duban.model.MeetingKind;
import org.duban.model.Task;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.inspections.InspectionService;
import org.duban.service.tasks.TaskInput;

/**
 * Tasks added to the sample after its assignment meeting, through the program's own paths, to show that a task is
 * counted only from the day it was issued.
 */
public final class LaterTasks {
    private LaterTasks() {
    }

    /**
     * Makes the sample's finding left open (东侨, 2026-10-15) a task of the assignment meeting on {@code day}, as the
     * 下沉督察 screen's "转为任务" does: issued on that day, for 东侨经济技术开发区.
     */
    public static Task fromFinding(Database db, LocalDate day) {
        InspectionService inspections = Wired.over(db, new TestClock(day)).inspections();
        long finding = TestDb.sqlLong(db, "SELECT id FROM inspection_finding WHERE task_id IS NULL");
        long meeting = TestDb.sqlLong(db, "SELECT id FROM meeting WHERE kind = 'ASSIGNMENT' ORDER BY id LIMIT 1");
        TaskInput draft = inspections.draftTask(finding, meeting);
        return inspections.toTask(finding, meeting, new TaskInput(draft.seq(), draft.source(), draft.category(),
                draft.problem(), "", "", draft.units(), "", "", "2026年12月31日前", ""));
    }

    /** A second 交办会 on {@code day} (entered ahead, on the day before) issuing one task to 蕉城区. */
    public static Task atLaterMeeting(Database db, LocalDate day) {
        AuditLog audit = Wired.audit(db, new TestClock(day.minusDays(1)));
        Meeting m = Wired.of(audit).meetings().create(new Meeting(0, MeetingKind.ASSIGNMENT, day, "冬季攻坚交办会", ""));
        return Wired.of(audit).tasks().create(m.id(), new TaskInput("1", "市级排查", "大气环境",
                "城区餐饮油烟直排，居民投诉集中。", "油烟净化设施全覆盖", "逐户排查、限期安装", "蕉城区", "", "", "2027年3月底前",
                ""));
    }
}
