package org.duban.ui.common;

import java.time.format.DateTimeFormatter;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;

/** The meeting picker that heads the screens working on one meeting: "2026-03-19  title（交办会）". */
public final class MeetingChoice {
    private MeetingChoice() {
    }

    /** A combo box with id {@code meetingChoice} showing {@code meetings}, bound both ways to {@code chosen}. */
    public static ComboBox<Meeting> create(ObservableList<Meeting> meetings, ObjectProperty<Meeting> chosen,
                                           double maxWidth) {
        ComboBox<Meeting> meeting = new ComboBox<>(meetings);
        meeting.setId("meetingChoice");
        meeting.setAccessibleText(Messages.tr("tasks.meeting"));
        meeting.valueProperty().bindBidirectional(chosen);
        meeting.setButtonCell(new Cell());
        meeting.setCellFactory(lv -> new Cell());
        meeting.setMaxWidth(maxWidth);
        return meeting;
    }

    private static final class Cell extends ListCell<Meeting> {
        @Override
        protected void updateItem(Meeting item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? Messages.tr("tasks.noMeeting") : Messages.tr("tasks.meetingLabel",
                    item.heldOn().format(DateTimeFormatter.ISO_LOCAL_DATE), item.title(),
                    Messages.tr("meeting.kind." + item.kind().name())));
            // a name cut short in a narrow window is read whole in the tooltip
            setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(getText()));
        }
    }
}
