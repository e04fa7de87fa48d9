package org.duban.persistence.sqlite;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;

/**
 * Connections to one SQLite file for the libraries that ask for a {@link DataSource} (Flyway): each
 * {@link #getConnection()} opens a new one with the same settings.
 */
public final class SqliteDataSource implements DataSource {
    private final String url;
    private final Properties properties;

    private SqliteDataSource(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    /**
     * Connections for the migrations of {@code file}: foreign keys off (SQLite's documented way to rebuild a table
     * that others point at; {@link FlywayMigrations} checks every reference before the migrations commit), a busy
     * timeout, and {@code BEGIN IMMEDIATE} transactions like the ledger's own connection.
     */
    static SqliteDataSource forMigrations(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(false);
        config.setBusyTimeout(5000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return new SqliteDataSource("jdbc:sqlite:" + file, config.toProperties());
    }

    /** A new empty database in memory for every connection: for asking Flyway what it resolves. */
    public static SqliteDataSource inMemory() {
        return new SqliteDataSource("jdbc:sqlite::memory:", new SQLiteConfig().toProperties());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no driver log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // SQLite has no login
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
