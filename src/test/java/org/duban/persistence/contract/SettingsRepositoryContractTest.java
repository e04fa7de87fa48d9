package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.duban.persistence.Database;
import org.duban.persistence.SettingsRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link SettingsRepository} on every engine: a missing key, a new one, a changed one. */
class SettingsRepositoryContractTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void putReadsBackAndPutAgainReplaces(Engine engine) {
        try (Database db = engine.create(dir)) {
            SettingsRepository settings = new SettingsRepository(db);
            assertTrue(settings.get("city.name").isEmpty());
            assertEquals("宁德市", settings.get("city.name", "宁德市"), "the fallback for a missing key");

            settings.put("city.name", "福州市");
            assertEquals("福州市", settings.get("city.name").orElseThrow());

            settings.put("city.name", "宁德市");
            assertEquals("宁德市", settings.get("city.name").orElseThrow(), "the same key replaced, not doubled");
            assertEquals("宁德市", settings.get("city.name", "x"));
        }
    }
}
