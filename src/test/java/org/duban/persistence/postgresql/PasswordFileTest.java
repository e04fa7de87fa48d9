package org.duban.persistence.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.duban.i18n.Messages;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.ServerCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password file read as {@code psql} reads it: first matching line, {@code *}, escapes, comments. */
class PasswordFileTest {
    @TempDir
    Path dir;

    @Test
    void takesTheFirstMatchingLineWithItsEscapes() throws Exception {
        Path file = dir.resolve("pgpass");
        Files.writeString(file, """
                # comment:5432:x:y:z
                db.example:5432:other:clerk:nope
                db.example:5432:duban:clerk:p\\:w\\\\d
                *:*:*:admin:star
                """);
        ServerCredentials c = PasswordFile.credentialsFor("postgresql://db.example/duban", file);
        assertEquals("clerk", c.user());
        assertEquals("p:w\\d", c.password());
        ServerCredentials named = PasswordFile.credentialsFor("postgresql://admin@db.example:5433/duban", file);
        assertEquals("admin", named.user());
        assertEquals("star", named.password());
        assertFalse(named.toString().contains("star"));
    }

    @Test
    void noLineAndNoUserIsAMessageNamingTheFile() {
        Path file = dir.resolve("missing");
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> PasswordFile.credentialsFor("postgresql://db.example:5432/duban", file));
        assertTrue(e.getLocalizedMessage().contains(file.toString()), e.getLocalizedMessage());
        assertEquals("", PasswordFile.credentialsFor("postgresql://clerk@db.example/duban", file).password());
    }

    @Test
    void aPasswordInTheAddressIsRefusedWithoutShowingIt() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> PasswordFile.credentialsFor("postgresql://clerk:secret@db.example/duban", dir.resolve("x")));
        assertFalse(e.getLocalizedMessage().contains("secret"), e.getLocalizedMessage());
        assertFalse(Messages.tr("db.error.server.passwordInUrl", "x").isBlank());
    }

    @Test
    void storeReplacesTheSameLoginKeepsTheRestAndIsTheOwnersOnly() throws Exception {
        Path file = dir.resolve("sub").resolve("pgpass.conf");
        PasswordFile.store(file, "postgresql://db.example:5432/duban", new ServerCredentials("clerk", "old"));
        Files.writeString(file, "# kept comment\n*:*:*:admin:star\n" + Files.readString(file));
        PasswordFile.store(file, "postgresql://db.example:5432/duban", new ServerCredentials("clerk", "n:e\\w"));
        PasswordFile.store(file, "postgresql://db.example:5432/other", new ServerCredentials("clerk", "second"));

        String text = Files.readString(file);
        assertEquals("""
                # kept comment
                *:*:*:admin:star
                db.example:5432:duban:clerk:n\\:e\\\\w
                db.example:5432:other:clerk:second
                """, text, "one line per login, escaped as psql reads it");
        assertEquals(new ServerCredentials("clerk", "n:e\\w"),
                PasswordFile.find("postgresql://clerk@db.example/duban", file).orElseThrow());
        assertTrue(PasswordFile.find("postgresql://nobody@db.example/third", file).isEmpty());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file left beside it");
        }
    }
}
