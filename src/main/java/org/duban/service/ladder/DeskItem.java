package org.duban.service.ladder;

import java.time.LocalDate;

/**
 * One line of the 督办工作台: something that needs the secretariat's attention, at one unit's share of one task
 * (or, for a notice or a suggested step, at the unit and the first task it concerns).
 *
 * @param kind     what it is
 * @param day      the day it is about (deadline, report owed since, 公示 end, response due), or null
 * @param days     {@code day} minus the desk's day (negative: past), or null without a day
 * @param taskId   the task to open, or null
 * @param unitId   the unit to open it at, or null
 * @param unit     the unit's name
 * @param seq      the task's 序号, or null
 * @param task     the task's problem, shortened
 * @param detail   what the line says beyond that (percent, notice number, suggested step)
 * @param noticeId the notice concerned, or null
 */
public record DeskItem(Kind kind, LocalDate day, Long days, Long taskId, Long unitId, String unit, Integer seq,
                       String task, String detail, Long noticeId) {
    /** The desk's sections, in the order it shows them. */
    public enum Kind {
        /** 建议的下一步 (督办阶梯): 催办单, 督办通知书, 挂牌督办 / 约谈 */
        SUGGESTION,
        /** 已超期 */
        OVERDUE,
        /** 催办督办答复到期 */
        RESPONSE_DUE,
        /** 挂牌督办任务报告到期 */
        SUPERVISION_REPORT,
        /** 进展报送滞后 */
        REPORT_LATE,
        /** 临近完成时限 */
        DUE_SOON,
        /** 销号待验收 */
        VERIFY,
        /** 公示期将满（或已满待销号） */
        NOTICE_ENDING
    }

    public DeskItem {
        unit = unit == null ? "" : unit;
        task = task == null ? "" : task;
        detail = detail == null ? "" : detail;
    }
}
