package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.service.handout.ColumnSpec;
import org.duban.service.handout.HandoutColumn;
import org.duban.service.handout.HandoutContent;
import org.duban.service.handout.HandoutEntry;
import org.duban.service.handout.HandoutService;
import org.duban.service.handout.HandoutSettings;
import org.duban.service.tasks.ChecklistRow;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the lead unit (牵头单位) of an imported list shows: the checklist's rows and a handout's chosen column. */
class LeadUnitShownTest {
    @TempDir
    Path dir;
    private Database db;
    private Meeting meeting;

    @BeforeEach
    void open() {
        db = TestDb.withRoster(dir);
        meeting = TestDb.emptyMeeting(db);
        TaskImporter importer = Wired.of(db).plainImporter();
        importer.apply(importer.read(LeadUnitImportTest.list(dir.resolve("清单.docx"), "市生态环境局", "市海洋与渔业局")),
                new ImportTarget.Existing(meeting.id()), ImportOptions.DEFAULT.withDefaultSource("市级排查"), (d, t) -> { });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theChecklistRowsNameTheLeadUnitAndSearchFindsIt() {
        List<ChecklistRow> rows = Wired.of(db).tasks().checklist(meeting.id());
        assertEquals(List.of("市生态环境局", "市住房和城乡建设局", "市海洋与渔业局"),
                rows.stream().map(ChecklistRow::leadUnitName).toList());
        assertTrue(rows.get(2).searchText().contains("海洋与渔业局"));
    }

    @Test
    void aHandoutWithTheLeadUnitColumnChosenPrintsIt() throws Exception {
        HandoutService handouts = Wired.of(db).handouts();
        HandoutService.MeetingData data = handouts.read(meeting);
        Unit xiapu = data.roster().stream().filter(u -> u.name().equals("霞浦县")).findFirst().orElseThrow();
        HandoutSettings settings = HandoutSettings.defaults().withColumns(List.of(new ColumnSpec(HandoutColumn.SEQ, 5),
                new ColumnSpec(HandoutColumn.PROBLEM, 25), new ColumnSpec(HandoutColumn.LEAD_UNIT, 10),
                new ColumnSpec(HandoutColumn.DEADLINE, 10)));
        HandoutContent content = HandoutService.content(data, xiapu, settings);
        List<HandoutEntry> entries = content.sections().stream().flatMap(s -> s.entries().stream()).toList();
        assertEquals(List.of("市住房和城乡建设局", "市海洋与渔业局"),
                entries.stream().map(e -> HandoutColumn.LEAD_UNIT.text(e)).toList());
        assertEquals("牵头单位", HandoutColumn.LEAD_UNIT.heading());
        assertTrue(HandoutSettings.defaults().columns().stream().noneMatch(c -> c.column() == HandoutColumn.LEAD_UNIT),
                "a column to choose, not printed by default");

        HandoutService.UnitResult written = handouts.exportUnit(data, xiapu, settings, Files.createDirectories(
                dir.resolve("讲义")));
        try (PDDocument pdf = Loader.loadPDF(written.file().toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertTrue(text.contains("牵头单位"), text);
            assertTrue(text.contains("市海洋与渔业局"), text);
        }
    }
}
