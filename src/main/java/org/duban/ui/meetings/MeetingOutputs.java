package org.duban.ui.meetings;

import java.time.LocalDate;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duban.i18n.Messages;
import org.duban.service.bulletin.Bulletin;
import org.duban.service.bulletin.BulletinService;
import org.duban.service.score.ScoredBulletins;
import org.duban.service.pack.MeetingPackService;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.FolderOpener;
import org.duban.ui.common.FxThread;
import org.duban.ui.common.TaskRunner;

/**
 * What the meetings screen makes for a meeting: its pack (会议材料) and its bulletin (通报), written in the
 * background with progress; afterwards the pack's folder can be shown in the file manager.
 */
public final class MeetingOutputs {
    private final MeetingPackService packs;
    private final ScoredBulletins scored;
    private final BulletinService bulletins;
    private final Supplier<LocalDate> today;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final FolderOpener opener;

    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");

    MeetingOutputs(MeetingPackService packs, ScoredBulletins scored, Supplier<LocalDate> today, TaskRunner runner,
                   DialogService dialogs, FolderOpener opener) {
        this.packs = packs;
        this.scored = scored;
        this.bulletins = scored.bulletins();
        this.today = today;
        this.runner = runner;
        this.dialogs = dialogs;
        this.opener = opener;
    }

    /** Writes a meeting's pack into a folder the user picks, then offers to show it. */
    void pack(long meetingId) {
        dialogs.chooseFolder(Messages.tr("meetings.pack.choose")).ifPresent(dir -> {
            working.set(true);
            progress.set(0);
            status.set(Messages.tr("meetings.pack.working"));
            runner.run(() -> packs.write(meetingId, dir, this::report), r -> {
                working.set(false);
                progress.set(1);
                status.set(Messages.tr("meetings.pack.done", r.files().size(), r.folder()));
                if (dialogs.confirm(Messages.tr("meetings.pack.title"), Messages.tr("meetings.pack.openAsk",
                        r.files().size(), r.folder()), Messages.tr("meetings.pack.open"))) {
                    opener.open(r.folder(), e -> FxThread.run(() -> dialogs.showInfo(
                            Messages.tr("meetings.pack.title"), Messages.tr("meetings.pack.openFailed", r.folder()))));
                }
            }, this::failed);
        });
    }

    /** Writes the bulletin as of a meeting's day (today for one still to come) to a .pdf or .docx the user names. */
    void bulletin(LocalDate meetingDay) {
        LocalDate now = today.get();
        LocalDate asOf = meetingDay.isAfter(now) ? now : meetingDay;
        dialogs.chooseSaveFile(Messages.tr("meetings.bulletin.choose"),
                BulletinService.fileName(asOf, BulletinService.Format.DOCX)).ifPresent(file -> {
                    working.set(true);
                    progress.set(-1);
                    runner.run(() -> {
                        BulletinService.Format.of(file);
                        Bulletin b = scored.prepare(null, asOf, false, false);
                        BulletinService.write(b, file, bulletins.fonts());
                        if (!b.isDraft()) {
                            bulletins.issue(b);
                        }
                        return b;
                    }, b -> {
                        working.set(false);
                        progress.set(1);
                        status.set(b.isDraft() ? Messages.tr("meetings.bulletin.draftDone", file)
                                : Messages.tr("meetings.bulletin.done", b.number(), file));
                    }, this::failed);
                });
    }

    private void report(int done, int total, String step) {
        FxThread.run(() -> {
            progress.set(total == 0 ? 1 : (double) done / total);
            if (!step.isEmpty()) {
                status.set(Messages.tr("meetings.pack.step", Math.min(done + 1, total), total, step));
            }
        });
    }

    private void failed(Throwable e) {
        working.set(false);
        status.set("");
        dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
    }

    public BooleanProperty workingProperty() {
        return working;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
