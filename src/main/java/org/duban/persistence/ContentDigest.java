package org.duban.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 over everything a ledger holds: every table (by name), every row (by rowid), every value with its
 * type; not the ledger's id ({@link LedgerIdentity}), the rows' versions nor Flyway's history of the schema. Two files with the same
 * digest hold the same data, whatever their pages look like; the generator prints it, so that runs with the same
 * seed can be compared.
 */
public final class ContentDigest {
    /**
     * The rows' versions (schema 9: how many times two seats' edits of a row were taken in) say how a row came to be,
     * not what it holds: left out, so that a ledger's digest is the same before and after the versions came.
     */
    private static final String VERSION_COLUMN = "row_version";

    private ContentDigest() {
    }

    public static String sha256(Database db) {
        return db.read(c -> {
            MessageDigest md = sha();
            List<String> tables = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            tables.remove(Migrations.HISTORY); // when and how fast the schema came: not content
            for (String table : tables) {
                text(md, "table " + table);
                // the ledger's id names the file (each new ledger has its own), it is not content
                String only = table.equals("setting") ? " WHERE key <> '" + LedgerIdentity.KEY + "'" : "";
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"" + only + " ORDER BY rowid")) {
                    int columns = rs.getMetaData().getColumnCount();
                    boolean[] skip = new boolean[columns + 1];
                    for (int i = 1; i <= columns; i++) {
                        skip[i] = VERSION_COLUMN.equals(rs.getMetaData().getColumnName(i));
                    }
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            if (skip[i]) {
                                continue;
                            }
                            Object v = rs.getObject(i);
                            if (v == null) {
                                md.update((byte) 0);
                            } else if (v instanceof byte[] bytes) {
                                md.update((byte) 1);
                                md.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                                md.update(bytes);
                            } else {
                                md.update((byte) 2);
                                text(md, v.toString());
                            }
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        });
    }

    private static void text(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(ByteBuffer.allocate(4).putInt(b.length).array());
        md.update(b);
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
