package org.duban.service.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.i18n.LocalizedException;
import org.duban.persistence.AuditChain;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;

/**
 * {@code check --anchor HEAD}: the ledger still holds the chain up to a head printed earlier (on a bulletin, a
 * dossier, a meeting pack, a backup record). Whoever rebuilds the chain after changing a row changes every hash from
 * that row on, so the printed row no longer has the printed hash. Together with {@link AuditChainCheck} (every row
 * linked to the one before) this proves rows 1 … N are those the program had written when the head was printed.
 */
public final class AnchorCheck implements LedgerCheck {
    private static final Pattern HEAD = Pattern.compile(
            "^\\s*(?:留痕校验\\s*)?([0-9a-f]{4,64})\\s*(?:(?:…|\\.\\.\\.)\\s*([0-9a-f]{3,60}))?\\s*/\\s*(?:第|row)?\\s*"
                    + "([0-9][0-9,]*)\\s*(?:条)?\\s*$", Pattern.CASE_INSENSITIVE);

    /** A printed head: the start (and end) of the hash of row {@code row}. */
    public record Anchor(String prefix, String suffix, long row, String text) {
        boolean matches(String hash) {
            String h = hash.toLowerCase(Locale.ROOT);
            return h.startsWith(prefix) && h.endsWith(suffix) && prefix.length() + suffix.length() <= h.length();
        }
    }

    private final Anchor anchor;

    public AnchorCheck(Anchor anchor) {
        this.anchor = anchor;
    }

    /**
     * Reads a head as printed ("3f9a0b1c…7d2e4c21 / 第 18342 条", also with "..." or the whole hash).
     *
     * @throws LocalizedException saying how to write it
     */
    public static Anchor parse(String text) {
        Matcher m = HEAD.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new LocalizedException("check.anchor.bad", text);
        }
        String suffix = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        return new Anchor(m.group(1).toLowerCase(Locale.ROOT), suffix, Long.parseLong(m.group(3).replace(",", "")),
                text.strip());
    }

    @Override
    public String titleKey() {
        return "check.anchor";
    }

    @Override
    public List<Finding> run(Database db, Repositories repos) {
        Optional<String> hash = AuditChain.hashOf(db, anchor.row());
        if (hash.isEmpty()) {
            return List.of(Finding.of("check.anchor.missing", anchor.row()));
        }
        if (!anchor.matches(hash.get())) {
            AuditChain.Head at = new AuditChain.Head(anchor.row(), hash.get());
            return List.of(Finding.of("check.anchor.differs", anchor.row(), at.shortHash(), anchor.text()));
        }
        return List.of();
    }
}
