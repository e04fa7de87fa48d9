package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.duban.persistence.Database;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.Services;
import org.duban.service.tasks.TaskField;
import org.duban.service.tasks.TaskService;
import org.duban.testing.FixedFile;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: the watcher of other seats' changes no longer counts the audit trail beside the opening screen's read.
 * The window notes the ledger's stamp on its worker before that read and starts polling after it; a change another
 * seat makes in between is still seen at the first poll.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.testfx.framework.junit5.ApplicationExtension.class) // runLater
class LedgerStampFirstTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;

    @Test
    void theStampIsNotedBeforeTheReadsAndThePollsStartAfterThem() {
        Path file = dir.resolve("l.db");
        try (Database db = Database.create(file)) {
            SampleMeeting.load(Wired.of(db));
            Queued runner = new Queued();
            AppContext ctx = new AppContext(db, runner, new RecordingDialogs(), new FixedFile(file), new TestClock(DAY));
            ctx.noteLedgerStamp();
            runner.run(() -> "the opening screen's read", r -> { }, e -> { });
            ctx.followOtherSeatsAfterReads(Duration.ofHours(1));
            assertEquals(3, runner.work.size(), "stamp, read, start of the polls: in this order on the one worker");
            runner.runNext(); // the stamp
            // another seat's change while the opening screen reads
            TaskService other = Services.over(db, new TestClock(DAY)).operatedBy("秘书甲").tasks();
            TaskService.Editing one = other.forEditing(1).orElseThrow();
            other.update(1, with(one.input(), TaskField.PROBLEM, "问题一（甲补充）"), one.version());
            runner.runNext();
            assertTrue(ctx.watcher().pollNow(), "the change made after the noted stamp is seen");
            runner.runNext(); // starts the timer (its first poll an hour on); closing the ledger ends it
        }
    }

    private static org.duban.service.tasks.TaskInput with(org.duban.service.tasks.TaskInput in, TaskField field,
                                                       String value) {
        java.util.Map<TaskField, String> m = new java.util.EnumMap<>(TaskField.class);
        for (TaskField f : TaskField.values()) {
            m.put(f, in.get(f));
        }
        m.put(field, value);
        return org.duban.service.tasks.TaskInput.of(m);
    }

    /** A one-thread runner that runs its work when the test says, in order. */
    private static final class Queued implements org.duban.ui.common.TaskRunner {
        final Deque<Runnable> work = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> task, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            work.add(() -> {
                T r;
                try {
                    r = task.call();
                } catch (Exception e) {
                    onError.accept(e);
                    return;
                }
                onSuccess.accept(r);
            });
        }

        void runNext() {
            work.removeFirst().run();
        }

        @Override
        public ReadOnlyBooleanProperty busyProperty() {
            return new SimpleBooleanProperty(false);
        }
    }
}
