package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.duban.model.Evidence;
import org.duban.persistence.Database;
import org.duban.persistence.EvidenceRepository;
import org.duban.persistence.TaskScope;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link EvidenceRepository} on every engine: keys of inserts, the description and the bytes read back, delete. */
class EvidenceRepositoryContractTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void insertReadsBackDescriptionAndBytesThenDeletes(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            EvidenceRepository evidence = new EvidenceRepository(db);
            Instant at = Instant.parse("2026-04-02T08:30:00Z");
            byte[] photo = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
            byte[] text = "整改说明".getBytes(StandardCharsets.UTF_8);

            Evidence a = evidence.insert(new Evidence(0, 1, null, null, "整改后.png", "image/png", 0, "aa", at), photo);
            Evidence b = evidence.insert(new Evidence(0, 3, null, null, "说明.txt", null, 0, "bb", at), text);
            assertTrue(a.id() > 0 && b.id() > 0, "the keys come back");
            assertNotEquals(a.id(), b.id());
            assertEquals(photo.length, a.sizeBytes(), "the size is the bytes'");
            assertNull(a.reportId());
            assertNull(a.closeOutId());

            assertEquals(a, evidence.findById(a.id()).orElseThrow());
            assertEquals("application/octet-stream", evidence.findById(b.id()).orElseThrow().mediaType());
            assertArrayEquals(photo, evidence.content(a.id()).orElseThrow());
            assertArrayEquals(text, evidence.content(b.id()).orElseThrow());
            assertEquals(List.of(a), evidence.find(TaskScope.task(1)));
            assertEquals(List.of(a, b), evidence.find(TaskScope.all()));

            evidence.delete(a.id());
            assertTrue(evidence.findById(a.id()).isEmpty());
            assertTrue(evidence.content(a.id()).isEmpty());
            assertEquals(List.of(b), evidence.find(TaskScope.meeting(1L)));
        }
    }
}
