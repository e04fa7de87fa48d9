package org.duban.service.tracking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duban.i18n.LocalizedException;
import org.duban.model.Assignment;
import org.duban.model.AuditEntity;
import org.duban.model.CloseOutStage;
import org.duban.model.Evidence;
import org.duban.persistence.CloseOutRepository;
import org.duban.persistence.EvidenceRepository;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitOfWork;
import org.duban.service.audit.AuditLog;
import org.duban.service.io.AtomicFiles;

/**
 * 佐证材料: files kept inside the database, so that one backup holds everything. A file over the size limit (a
 * setting, 20 MB by default) is refused, naming the file and the limit; several files are added all or none.
 */
public final class EvidenceService {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"), Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"), Map.entry("heic", "image/heic"), Map.entry("pdf", "application/pdf"),
            Map.entry("ofd", "application/ofd"), Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("wps", "application/vnd.ms-works"), Map.entry("txt", "text/plain"),
            Map.entry("zip", "application/zip"), Map.entry("mp4", "video/mp4"));

    private final AuditLog audit;
    private final TrackingSettings settings;
    private final EvidenceRepository evidence;
    private final TaskRepository tasks;
    private final UnitOfWork uow;
    private final CloseOutRepository closeOuts;

    public EvidenceService(Repositories repos, UnitOfWork uow, AuditLog audit, TrackingSettings settings) {
        this.audit = audit;
        this.uow = uow;
        this.settings = settings;
        this.closeOuts = repos.closeOuts();
        this.evidence = repos.evidence();
        this.tasks = repos.tasks();
    }

    /** A file to attach: its name and bytes (for files that are not on disk, such as the sample's). */
    public record Upload(String fileName, byte[] content) {
    }

    /**
     * Reads files from disk and attaches them to an assignment (and to a report or a close-out application).
     *
     * @throws LocalizedException naming the first file that is too large or cannot be read; nothing is added then
     */
    public List<Evidence> attachFiles(long assignmentId, Long reportId, Long closeOutId, List<Path> files) {
        return attach(assignmentId, reportId, closeOutId, read(files));
    }

    /**
     * Reads files from disk, checking every size against the limit before reading any.
     *
     * @throws LocalizedException naming the first file that is too large, empty or unreadable
     */
    public List<Upload> read(List<Path> files) {
        long limit = settings.evidenceLimitBytes();
        for (Path p : files) {
            checkSize(p.getFileName().toString(), size(p), limit);
        }
        List<Upload> uploads = new ArrayList<>();
        for (Path p : files) {
            try {
                uploads.add(new Upload(p.getFileName().toString(), Files.readAllBytes(p)));
            } catch (IOException e) {
                throw new LocalizedException(e, "evidence.error.unreadable", p.getFileName(), e.getMessage());
            }
        }
        return uploads;
    }

    /** Attaches files given as bytes; same checks as {@link #attachFiles}. */
    public List<Evidence> attach(long assignmentId, Long reportId, Long closeOutId, List<Upload> uploads) {
        long limit = settings.evidenceLimitBytes();
        for (Upload u : uploads) {
            checkSize(u.fileName(), u.content().length, limit);
        }
        return uow.inTransaction(() -> {
            Assignment a = Checks.active(tasks, assignmentId);
            List<Evidence> added = new ArrayList<>();
            Instant now = Instant.now(audit.clock()).truncatedTo(ChronoUnit.SECONDS);
            for (Upload u : uploads) {
                Evidence e = evidence.insert(new Evidence(0, assignmentId, reportId, closeOutId, u.fileName(),
                        mediaType(u.fileName()), u.content().length, sha256(u.content()), now), u.content());
                audit.created(AuditEntity.EVIDENCE, e.id(), a.taskId(), a.unitId(),
                        e.fileName() + " (" + sizeText(e.sizeBytes()) + ")");
                added.add(e);
            }
            return added;
        });
    }

    /** Every evidence file of a task's assignments (descriptions only). */
    public List<Evidence> ofTask(long taskId) {
        return evidence.find(TaskScope.task(taskId));
    }

    public int countForAssignment(long assignmentId) {
        return evidence.find(TaskScope.assignment(assignmentId)).size();
    }

    /** The stored bytes of a file, for a preview; reading never changes them. */
    public byte[] content(long evidenceId) {
        return evidence.content(evidenceId).orElseThrow(() -> new PersistenceException("evidence.error.gone"));
    }

    /** Writes a stored file out (to a temporary file first, so a failure never leaves half a file). */
    public void saveTo(long evidenceId, Path target) {
        byte[] bytes = evidence.content(evidenceId).orElseThrow(() -> new PersistenceException("evidence.error.gone"));
        try {
            AtomicFiles.write(target, out -> out.write(bytes));
        } catch (IOException e) {
            throw new LocalizedException(e, "evidence.error.cannotSave", target, e.getMessage());
        }
    }

    /**
     * Removes a file that was attached by mistake; the audit trail keeps its name. The last file of a share
     * that stands closed is kept: a close-out rests on its evidence (一案一档), and {@code check} requires it.
     */
    public void delete(long evidenceId) {
        uow.inTransaction(() -> {
            Evidence e = evidence.findById(evidenceId).orElseThrow(() -> new PersistenceException("evidence.error.gone"));
            Assignment a = Checks.active(tasks, e.assignmentId());
            if (countForAssignment(a.id()) == 1 && closedToday(a.id())) {
                throw new LocalizedException("evidence.error.lastOfClosed", e.fileName());
            }
            evidence.delete(evidenceId);
            audit.deleted(AuditEntity.EVIDENCE, e.id(), a.taskId(), a.unitId(),
                    e.fileName() + " (" + sizeText(e.sizeBytes()) + ")");
            return null;
        });
    }

    private boolean closedToday(long assignmentId) {
        return closeOuts.find(TaskScope.assignment(assignmentId)).stream()
                .anyMatch(co -> co.stageOn(audit.today()) == CloseOutStage.CLOSED);
    }

    private void checkSize(String name, long size, long limit) {
        if (size > limit) {
            int megabytes = settings.evidenceLimitMegabytes();
            // "20.0 MB, over the limit of 20 MB" tells nothing: when one decimal cannot show the difference, bytes do
            boolean looksEqual = Math.round(size * 10.0 / (1024 * 1024)) <= megabytes * 10L;
            throw looksEqual ? new LocalizedException("evidence.error.tooLargeBytes", name, size, megabytes, limit)
                    : new LocalizedException("evidence.error.tooLarge", name, sizeText(size), megabytes);
        }
        if (size == 0) {
            throw new LocalizedException("evidence.error.empty", name);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new LocalizedException(e, "evidence.error.unreadable", p.getFileName(), e.getMessage());
        }
    }

    /** A size as people read it: 850 KB, 25.3 MB. */
    public static String sizeText(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, (bytes + 1023) / 1024) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String mediaType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /** The SHA-256 of a file's bytes as stored with it (lower-case hex), so that a damaged copy shows. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
