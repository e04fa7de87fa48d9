package org.duban.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskStatusTest {
    @Test
    void taskStandsWhereItsSlowestUnitStands() {
        assertEquals(TaskStatus.NOT_STARTED, TaskStatus.ofTask(List.of(TaskStatus.CLOSED, TaskStatus.NOT_STARTED)));
        assertEquals(TaskStatus.COMPLETED, TaskStatus.ofTask(List.of(TaskStatus.CLOSED, TaskStatus.COMPLETED)));
        assertEquals(TaskStatus.CLOSED, TaskStatus.ofTask(List.of(TaskStatus.CLOSED, TaskStatus.CLOSED)));
        assertEquals(TaskStatus.NOT_STARTED, TaskStatus.ofTask(List.of()));
    }

    @Test
    void completedIncludesAcceptanceAndCloseOut() {
        assertFalse(TaskStatus.ON_SCHEDULE.isCompleted());
        assertTrue(TaskStatus.COMPLETED.isCompleted());
        assertTrue(TaskStatus.CLOSED.isCompleted());
    }
}
