package org.duban.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.model.AuditEntity;

/**
 * The one list of the tables whose rows the audit trail vouches for: for each, the audit entity that names its
 * rows, the key, and the columns whose values the trail records. Every audit row about such a row carries a digest
 * of these columns as they were after the change ({@code audit_log.state}, chained like the rest of the row), and
 * {@code check} compares each row with what its last audit row says it became.
 *
 * <p>Left out on purpose: values the program derives and rewrites without an audit row of their own
 * ({@code assignment.status}, {@code task.created_at/updated_at}) and references that SQLite clears by itself when
 * the row they point at goes ({@code ON DELETE SET NULL}: {@code task.origin_task_id},
 * {@code assignment.withdrawn_by}, {@code inspection_finding.task_id}). The bytes of an evidence file are covered by
 * its {@code sha256} column, which {@code check} compares with the bytes.
 *
 * <p>A new tracked table (e.g. the notices, 催办单) is one more line here, with its entity in {@link AuditEntity}.
 */
public final class TrackedTables {
    /** One tracked table. {@code task} is the SQL expression of the task a row belongs to (for messages). */
    public record Table(AuditEntity entity, String table, String key, List<String> columns, String task,
                        int chained) {
        public Table {
            columns = List.copyOf(columns);
        }

        Table(AuditEntity entity, String table, String key, List<String> columns, String task) {
            this(entity, table, key, columns, task, columns.size());
        }

        /**
         * This table with {@code more} columns that a later schema added. The digests already in the trail were
         * taken without them, so a row's digest takes such a column only when it holds a value: an upgraded
         * ledger's rows still equal their last audit rows, and a value set since (or slipped in by SQL) counts.
         */
        /** The table as the chain's migration (schema 5) knew it: without the columns added later. */
        Table atChainStart() {
            return new Table(entity, table, key, columns.subList(0, chained), task, chained);
        }

        Table plusLater(String... more) {
            List<String> all = new java.util.ArrayList<>(columns);
            all.addAll(List.of(more));
            return new Table(entity, table, key, all, task, chained);
        }

        /** SELECT key, columns… FROM table (optionally WHERE key = ?). */
        String select(boolean one) {
            return "SELECT " + key + ", " + String.join(", ", columns) + " FROM " + table
                    + (one ? " WHERE " + key + " = ?" : "");
        }
    }

    private static final String BY_ASSIGNMENT = "(SELECT task_id FROM assignment WHERE id = assignment_id)";

    /** In the order {@code check} reports them. */
    public static final List<Table> ALL = List.of(
            new Table(AuditEntity.TASK, "task", "id", List.of("meeting_id", "seq", "source", "category", "problem",
                    "target", "measures", "leader", "supporting_units", "deadline", "due_date", "ongoing", "remarks",
                    "issued_on"), "id").plusLater("lead_unit_id"), // 牵头单位: schema 7
            new Table(AuditEntity.ASSIGNMENT, "assignment", "id", List.of("task_id", "unit_id", "withdrawn_on"),
                    "task_id"),
            new Table(AuditEntity.REPORT, "progress_report", "id", List.of("assignment_id", "reported_on", "percent",
                    "text", "reporter"), BY_ASSIGNMENT),
            new Table(AuditEntity.MILESTONE, "milestone", "id", List.of("assignment_id", "name", "due_on", "done_on"),
                    BY_ASSIGNMENT),
            new Table(AuditEntity.CLOSE_OUT, "close_out", "id", List.of("assignment_id", "applied_on", "explanation",
                    "verification_level", "verifiers", "verified_on", "verification_passed", "verification_note",
                    "notice_from", "notice_to", "closed_on", "reopened_on", "reopen_reason"), BY_ASSIGNMENT),
            new Table(AuditEntity.EVIDENCE, "evidence", "id", List.of("assignment_id", "report_id", "close_out_id",
                    "file_name", "media_type", "size_bytes", "sha256", "added_at"), BY_ASSIGNMENT),
            new Table(AuditEntity.SUPERVISION, "supervision", "task_id", List.of("leader", "since", "cycle", "note"),
                    "task_id"),
            new Table(AuditEntity.INSPECTION, "inspection", "id", List.of("held_on", "inspectors", "notes"), "NULL"),
            new Table(AuditEntity.FINDING, "inspection_finding", "id", List.of("inspection_id", "unit_id", "text"),
                    "NULL"),
            // 催办单 / 督办通知书 and 约谈 (schema 6): the letters the secretariat sent and the talks it held
            new Table(AuditEntity.NOTICE, "notice", "id", List.of("unit_id", "level", "issued_on", "response_due",
                    "draft", "number_year", "number_seq", "number_text", "response_on", "response_text"),
                    "(SELECT task_id FROM notice_share s WHERE s.notice_id = notice.id ORDER BY position LIMIT 1)"),
            new Table(AuditEntity.INTERVIEW, "interview", "id", List.of("unit_id", "held_on", "leader", "attendees",
                    "minutes", "follow_up_due", "number_text"), "NULL")
    );

    /**
     * The tables that came after the chain began (schema 6): every row of theirs was written by the program with
     * its audit rows, so a row without a single audit row was slipped in around it. (Tasks and shares of a ledger
     * older than the trail have none, and the tracking records of schema 2 on are held to their CREATE rows by
     * {@link TrackingConsistencyRepository#unaudited}.)
     */
    public static final java.util.Set<AuditEntity> SINCE_CHAIN = java.util.EnumSet.of(AuditEntity.NOTICE,
            AuditEntity.INTERVIEW);

    private static final Map<AuditEntity, Table> BY_ENTITY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Table::entity, Function.identity()));

    private TrackedTables() {
    }

    public static Optional<Table> of(AuditEntity entity) {
        return Optional.ofNullable(BY_ENTITY.get(entity));
    }
}
