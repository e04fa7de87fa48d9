package org.duban.service.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.SettingsRepository;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoutSettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void settingsAndCopiesSurviveReopeningTheLedger() {
        HandoutSettings changed = HandoutSettings.defaults().withCity("福州市").withOrientation(PageOrientation.PORTRAIT)
                .withMargins(MarginPreset.COMPACT).withSignOff(true).withNotice("会议材料　会后收回")
                .withFonts(FontPreference.BUNDLED)
                .withColumns(List.of(new ColumnSpec(HandoutColumn.SEQ, 4), new ColumnSpec(HandoutColumn.PROBLEM, 30),
                        new ColumnSpec(HandoutColumn.STATUS, 8), new ColumnSpec(HandoutColumn.DEADLINE, 9.5)));
        try (Database db = TestDb.withRoster(dir)) {
            HandoutSettingsStore store = Wired.of(db).handoutSettings();
            assertEquals(HandoutSettings.defaults(), store.load());
            store.save(changed);
            store.setCopies(3, 4);
            store.setCopies(5, 2);
            store.setCopies(5, 1);
        }
        try (Database db = TestDb.reopen(dir)) {
            HandoutSettingsStore store = Wired.of(db).handoutSettings();
            assertEquals(changed, store.load());
            assertEquals(4, store.copies(3));
            assertEquals(1, store.copies(5));
            assertEquals("seq:4,problem:30,status:8,deadline:9.50",
                    new SettingsRepository(db).get("handout.columns", ""));
        }
    }

    @Test
    void aHandEditedColumnListKeepsWhatReadsAndFallsBackWhenNothingDoes() {
        assertEquals(List.of(new ColumnSpec(HandoutColumn.PROBLEM, 30), ColumnSpec.of(HandoutColumn.DEADLINE)),
                HandoutSettings.parseColumns("problem:30, frobs:3, deadline:wide, problem:5"));
        assertEquals(HandoutSettings.defaults().columns(), HandoutSettings.parseColumns("nonsense"));
    }
}
