package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;
import org.duban.model.Evidence;
import org.duban.persistence.AuditRepository;
import org.duban.persistence.Database;
import org.duban.persistence.EvidenceRepository;
import org.duban.persistence.TrackingConsistencyRepository;
import org.duban.persistence.TrackingConsistencyRepository.Place;
import org.duban.persistence.TrackingConsistencyRepository.StoredCloseOut;
import org.duban.persistence.TrackingConsistencyRepository.StoredEvidence;
import org.duban.persistence.TrackingConsistencyRepository.Unaudited;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TrackingConsistencyRepository} on every engine: close-out applications and evidence files as stored
 * (dates as text, the result as stored or null, the bytes' real length), each with its place (meeting, 序号,
 * unit), in order; and the tracking records without a CREATE row in the audit trail, by entity and id.
 */
class TrackingConsistencyRepositoryContractTest {
    private static final Place TASK1_UNIT1 = new Place(1, 1, "蕉城区");
    private static final Place TASK1_UNIT2 = new Place(1, 1, "市水利局");
    private static final Place TASK2_UNIT1 = new Place(1, 2, "蕉城区");

    @TempDir
    Path dir;

    /** Tasks 1 and 2 (Engines) with close-outs, evidence, a finding, an inspection; some with their CREATE row. */
    private static void seed(Engine engine, Database db) {
        Engines.seedTasks(engine, db);
        engine.seed(db,
                "INSERT INTO close_out (id, assignment_id, applied_on, explanation, verification_level, verifiers, "
                        + "verified_on, verification_passed, notice_from, notice_to, closed_on) VALUES "
                        + "(1, 3, '2026-05-01', '完成', 'CITY', '王某', '2026-05-03', 1, '2026-05-04', '2026-05-10', "
                        + "'2026-05-11'), "
                        + "(2, 2, '2026-05-02', '完成', NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
                        + "(3, 1, '2026-05-09', '再次申请', 'COUNTY', '李某', '2026-05-10', 0, NULL, NULL, NULL), "
                        + "(4, 1, '2026-05-01', '首次申请', NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
                "INSERT INTO inspection (id, held_on, inspectors) VALUES (1, '2026-05-06', '督查组')",
                "INSERT INTO inspection_finding (id, inspection_id, unit_id, text, task_id) VALUES "
                        + "(1, 1, 1, '问题', 2), (2, 1, NULL, '问题二', NULL)");
        AuditRepository audit = new AuditRepository(db);
        audit.append(audited(AuditEntity.CLOSE_OUT, 1, AuditAction.CREATE));
        audit.append(audited(AuditEntity.CLOSE_OUT, 2, AuditAction.UPDATE));
        audit.append(audited(AuditEntity.EVIDENCE, 1, AuditAction.CREATE));
        audit.append(audited(AuditEntity.EVIDENCE, 2, AuditAction.CREATE));
        audit.append(audited(AuditEntity.INSPECTION, 1, AuditAction.CREATE));
        audit.append(audited(AuditEntity.FINDING, 2, AuditAction.CREATE));
        EvidenceRepository evidence = new EvidenceRepository(db);
        evidence.insert(new Evidence(0, 3, null, 1L, "验收单.pdf", "application/pdf", 0, "ab",
                Instant.parse("2026-05-03T08:00:00Z")), new byte[] {1, 2, 3, 4, 5});
        long photo = evidence.insert(new Evidence(0, 1, null, null, "照片.jpg", "image/jpeg", 0, "cd",
                Instant.parse("2026-05-04T08:00:00Z")), new byte[] {1, 2}).id();
        engine.seed(db, "UPDATE evidence SET size_bytes = 9 WHERE id = " + photo);
    }

    private static AuditEntry audited(AuditEntity entity, long id, AuditAction action) {
        return new AuditEntry(0, Instant.parse("2026-05-06T08:00:00Z"), "张三", entity, id, null, null, action, "",
                null, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void closeOutsAndEvidenceAsStoredWithTheirPlace(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            TrackingConsistencyRepository tracking = new TrackingConsistencyRepository(db);
            assertEquals(List.of(
                    new StoredCloseOut(4, 1, TASK1_UNIT1, "2026-05-01", null, null, null, null, null, null),
                    new StoredCloseOut(3, 1, TASK1_UNIT1, "2026-05-09", "2026-05-10", 0, null, null, null, null),
                    new StoredCloseOut(2, 2, TASK1_UNIT2, "2026-05-02", null, null, null, null, null, null),
                    new StoredCloseOut(1, 3, TASK2_UNIT1, "2026-05-01", "2026-05-03", 1, "2026-05-04", "2026-05-10",
                            "2026-05-11", null)), tracking.closeOuts(),
                    "by meeting, 序号, unit in roster order, day applied");
            assertEquals(List.of(new StoredEvidence(1, 3, TASK2_UNIT1, "验收单.pdf", 5, 5, "ab"),
                    new StoredEvidence(2, 1, TASK1_UNIT1, "照片.jpg", 9, 2, "cd")), tracking.evidence(),
                    "the size recorded beside the bytes' real length");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void recordsWithoutTheirCreateRow(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            engine.seed(db,
                    "INSERT INTO progress_report (id, assignment_id, reported_on, percent, text) VALUES "
                            + "(1, 2, '2026-05-01', 50, '过半')",
                    "INSERT INTO supervision (task_id, leader, since, cycle) VALUES (2, '市长', '2026-05-01', 'WEEKLY')");
            TrackingConsistencyRepository tracking = new TrackingConsistencyRepository(db);
            Place none = new Place(0, 0, "");
            assertEquals(List.of(new Unaudited("CLOSE_OUT", 2, TASK1_UNIT2), new Unaudited("CLOSE_OUT", 3, TASK1_UNIT1),
                    new Unaudited("CLOSE_OUT", 4, TASK1_UNIT1), new Unaudited("FINDING", 1, new Place(1, 2, "")),
                    new Unaudited("REPORT", 1, TASK1_UNIT2), new Unaudited("SUPERVISION", 2, new Place(1, 2, ""))),
                    tracking.unaudited(), "by entity and id; an UPDATE row is no CREATE row");
            new AuditRepository(db).append(audited(AuditEntity.INSPECTION, 2, AuditAction.CREATE));
            engine.seed(db, "INSERT INTO inspection (id, held_on, inspectors) VALUES (2, '2026-05-07', '督查组'), "
                            + "(3, '2026-05-08', '督查组')");
            assertEquals(new Unaudited("INSPECTION", 3, none), tracking.unaudited().get(4));
        }
    }
}
