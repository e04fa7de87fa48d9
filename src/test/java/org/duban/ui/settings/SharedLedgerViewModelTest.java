package org.duban.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.duban.app.LedgerOpener;
import org.duban.app.SharedLedgerSwitch;
import org.duban.app.SharedLedgers;
import org.duban.app.UserPreferences;
import org.duban.i18n.Messages;
import org.duban.persistence.ServerCredentials;
import org.duban.persistence.contract.Engines;
import org.duban.persistence.postgresql.PostgresOpening;
import org.duban.testing.PgServer;
import org.duban.testing.RecordingDialogs;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings → 连接共享台账 over the real switch and the real server: a wrong password, a port nobody answers on and a
 * database that is not there each get their own sentence under the fields, and nothing is saved; a good login is
 * tested without a change, and connecting saves it for the next start with the password only in the owner-only
 * password file.
 */
class SharedLedgerViewModelTest {
    @TempDir
    Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<LedgerOpener.Opened> activated = new ArrayList<>();
    private UserPreferences prefs;
    private Path passwordFile;
    private SharedLedgerViewModel vm;
    private String database;
    private String role;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Engines.POSTGRESQL.available() || "1".equals(System.getenv("DUBAN_REQUIRE_PG")),
                "a PostgreSQL server answers");
        prefs = new UserPreferences(dir.resolve("prefs.properties"));
        passwordFile = dir.resolve(SharedLedgers.PASSWORD_FILE);
        vm = new SharedLedgerViewModel(new SharedLedgerSwitch(new SharedLedgers(prefs, passwordFile), activated::add),
                TaskRunner.direct(), dialogs);
        database = Engines.POSTGRESQL.newDatabase();
    }

    @AfterEach
    void tearDown() {
        activated.forEach(o -> o.db().close());
        PgServer.dropDatabaseAndRole(database, role);
    }

    private void fill(String host, String port, String db, String user, String password) {
        vm.hostProperty().set(host);
        vm.portProperty().set(port);
        vm.databaseProperty().set(db);
        vm.userProperty().set(user);
        vm.passwordProperty().set(password);
    }

    /** Neither the test nor the connection left anything behind on this computer. */
    private void assertNothingSaved() {
        assertFalse(Files.exists(prefs.file()), "no preferences written");
        assertFalse(Files.exists(passwordFile), "no password file written");
        assertTrue(activated.isEmpty(), "the window stays where it is");
        assertTrue(dialogs.infos.isEmpty() && dialogs.errors.isEmpty(), "the sentence is under the fields");
    }

    private void assertRefused(String expected) {
        vm.test();
        assertEquals(expected, vm.messageProperty().get());
        assertTrue(vm.errorProperty().get());
        vm.connect();
        assertEquals(expected, vm.messageProperty().get());
        assertTrue(vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());
        assertNothingSaved();
    }

    @Test
    void aWrongPasswordIsSaidAsSuch() {
        fill("localhost", "5432", database, "duban", "not-the-password");
        assertRefused("共享台账 postgresql://localhost:5432/" + database
                + " 拒绝了用户 duban 的登录。请检查用户名和密码（设置中保存的连接或密码文件）。");
    }

    @Test
    void aPortNobodyAnswersOnIsSaidAsSuch() {
        fill("localhost", "1", database, "duban", "duban");
        assertRefused("连接不上共享台账 postgresql://localhost:1/" + database + "：服务器在该端口上没有应答。"
                + "请检查服务器地址和端口是否写对，或请管理员确认 PostgreSQL 服务正在运行、防火墙允许连接。");
    }

    @Test
    void aMissingDatabaseIsSaidAsSuch() {
        fill("localhost", "5432", "duban_no_such_ledger", "duban", "duban");
        assertRefused("服务器 postgresql://localhost:5432 上没有名为 duban_no_such_ledger 的数据库。请检查数据库名是否写对，"
                + "或请管理员先建好这个数据库（一个空数据库即可，督办台连接时会在其中建好共享台账）。");
    }

    @Test
    void fieldsAreCheckedBeforeAnyLogin() {
        fill(" ", "5432", database, "duban", "duban");
        vm.test();
        assertEquals("请填写服务器的名称或 IP 地址。", vm.messageProperty().get());
        fill("localhost", "54321x", database, "duban", "duban");
        vm.connect();
        assertEquals("端口“54321x”不对：应是 1 到 65535 之间的数字，PostgreSQL 通常是 5432。", vm.messageProperty().get());
        fill("localhost", "5432", "", "duban", "duban");
        vm.test();
        assertEquals("请填写数据库名。", vm.messageProperty().get());
        fill("localhost", "5432", database, "", "duban");
        vm.connect();
        assertEquals("请填写用户名。", vm.messageProperty().get());
        assertTrue(vm.errorProperty().get());
        assertNothingSaved();
    }

    @Test
    void aGoodLoginIsTestedWithoutAChangeThenConnectedAndSavedForThisComputer() throws Exception {
        role = PgServer.unique("duban_seat_");
        String password = "pw-" + PgServer.unique("");
        PgServer.sql("postgres", "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        PgServer.sql(database, "GRANT USAGE, CREATE ON SCHEMA public TO " + role);
        String url = "postgresql://localhost:5432/" + database;
        fill("localhost", "5432", database, role, password);

        vm.test();
        assertEquals(Messages.tr("settings.shared.test.empty", url, role), vm.messageProperty().get());
        assertFalse(vm.errorProperty().get());
        assertTrue(PostgresOpening.probe(url, new ServerCredentials(role, password)).empty(),
                "testing made no tables");
        assertNothingSaved();

        vm.connect();
        assertEquals(1, activated.size(), "the window moves over");
        assertEquals(url, activated.get(0).db().location());
        assertFalse(activated.get(0).db().isReadOnly());
        assertEquals("", vm.passwordProperty().get(), "the typed password is not kept in the form");
        assertEquals(List.of(Messages.tr("settings.shared.connected", url, role)), dialogs.infos);

        String saved = Files.readString(prefs.file(), StandardCharsets.UTF_8);
        assertFalse(saved.contains(password), "no password in the preferences: " + saved);
        assertEquals(url, prefs.startServer().orElseThrow().url(), "the next start opens it");
        assertEquals(role, prefs.startServer().orElseThrow().user());
        assertTrue(Files.readString(passwordFile).contains(password));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertEquals(new ServerCredentials(role, password),
                new SharedLedgers(prefs, passwordFile).credentialsFor(url), "the next start logs in with it");

        SharedLedgerViewModel again = new SharedLedgerViewModel(
                new SharedLedgerSwitch(new SharedLedgers(prefs, passwordFile), activated::add), TaskRunner.direct(),
                dialogs);
        assertEquals(List.of("localhost", "5432", database, role, ""), List.of(again.hostProperty().get(),
                again.portProperty().get(), again.databaseProperty().get(), again.userProperty().get(),
                again.passwordProperty().get()), "the saved connection fills the fields, never the password");
    }
}
