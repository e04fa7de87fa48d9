package org.duban.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * JDBI 3 over the ledger's one connection ({@link Database#query}, {@link Database#update}): the repositories
 * write their SQL with named parameters ({@code :heldOn}), bind records by their accessors
 * ({@code bindMethods}), read rows into records by constructor (column {@code held_on} → component
 * {@code heldOn}), and take a new row's key from {@code INSERT … RETURNING id}, which SQLite and PostgreSQL both
 * speak.
 *
 * <p>Dates are stored as ISO text ({@code 2026-03-19}) and instants as {@link Instant#toString()}, as the schema
 * has always kept them; enums by name (JDBI's default). A handle never closes the connection nor ends the
 * transaction it joins: {@link Database} owns both.
 */
final class JdbiSupport {
    private JdbiSupport() {
    }

    /** Work with a JDBI handle, inside {@link Database#read} or {@link Database#write}. */
    @FunctionalInterface
    interface HandleWork<T> {
        T run(Handle h) throws SQLException;
    }

    /** A JDBI whose handles use {@code connection}'s current connection and leave it open. */
    static Jdbi over(Supplier<Connection> connection) {
        Jdbi jdbi = Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return connection.get();
            }

            @Override
            public void closeConnection(Connection conn) {
                // the Database's connection: it closes it
            }
        });
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        jdbi.registerColumnMapper(LocalDate.class, (rs, col, ctx) -> Rows.date(rs, col));
        jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> Rows.instant(rs, col));
        jdbi.registerArgument(new DateAsText());
        jdbi.registerArgument(new InstantAsText());
        return jdbi;
    }

    /** Runs {@code work} on a handle; JDBI's wrapped driver errors come back as the {@link SQLException} they were. */
    static <T> T with(Jdbi jdbi, HandleWork<T> work) throws SQLException {
        try (Handle h = jdbi.open()) {
            return work.run(h);
        } catch (JdbiException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof SQLException se) {
                    throw se;
                }
            }
            throw e;
        }
    }

    private static final Map<Class<?>, RowMapper<?>> MAPPERS = new ConcurrentHashMap<>();

    /** A record read by its canonical constructor, columns matched to components by name (one mapper a type). */
    @SuppressWarnings("unchecked")
    static <T> RowMapper<T> record(Class<T> type) {
        return (RowMapper<T>) MAPPERS.computeIfAbsent(type, ConstructorMapper::of);
    }

    /**
     * Rows of {@code select} in {@code scope} (its condition's one {@code ?} becomes {@code :scope}), in
     * {@code order}.
     */
    static <T> List<T> scoped(Handle h, String select, String condition, TaskScope scope, String order,
                              Class<T> type) {
        return scoped(h, select, condition, scope, order, record(type));
    }

    /** Like {@link #scoped(Handle, String, String, TaskScope, String, Class)}, with a mapper of its own. */
    static <T> List<T> scoped(Handle h, String select, String condition, TaskScope scope, String order,
                              RowMapper<T> mapper) {
        var q = h.createQuery(select + " WHERE " + condition.replace("?", ":scope") + " ORDER BY " + order);
        if (scope.hasParameter()) {
            q.bind("scope", scope.id());
        }
        return q.map(mapper).list();
    }

    /** {@code condition} (with at most one {@code ?}, from {@link TaskScope}) with its parameter named {@code :scope}. */
    static String named(String condition) {
        return condition.replace("?", ":scope");
    }

    /**
     * The current UTC time as the schema stores {@code updated_at} ({@code 2026-03-19T08:30:00Z}), the column's own
     * default on each engine: the one place that spells it per engine.
     */
    static String utcNowText(Database db) {
        return db.isShared() ? "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                : "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
    }

    /**
     * The order in which rows of an alias table ({@code unit_alias}, {@code vocabulary_alias}, which have no key or
     * position of their own) were inserted: the order the user gave the aliases in. The one place that spells it per
     * engine. SQLite: its {@code rowid}. PostgreSQL has no such column: {@code ctid}, the row's place in the table,
     * is insertion order while a unit's aliases are only ever replaced whole, but a freed place can be reused after
     * a VACUUM; a position column in the server's schema would make it sure.
     */
    static String insertionOrder(Database db, String tableAlias) {
        return tableAlias + (db.isShared() ? ".ctid" : ".rowid");
    }

    /**
     * The rows {@code query} reads for {@code keys}, 500 keys a query: an {@code IN (<keys>)} list stays under
     * every engine's limit on parameters. The rows come in the order of the chunks, each as its query orders it.
     */
    static <T> List<T> byKeys(List<Long> keys, Function<List<Long>, List<T>> query) {
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 500) {
            rows.addAll(query.apply(keys.subList(from, Math.min(keys.size(), from + 500))));
        }
        return rows;
    }

    /** Executes a batch, if it holds any rows (an empty one sends nothing). */
    static void runBatch(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** A nullable INTEGER column, by position, for positional row mappers. */
    static Integer nullableInt(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    /** A day bound as its ISO text, as the schema keeps days. */
    private static final class DateAsText extends AbstractArgumentFactory<LocalDate> {
        DateAsText() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(LocalDate value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, value.toString());
        }
    }

    /** An instant bound as its ISO text ({@link Instant#toString()}). */
    private static final class InstantAsText extends AbstractArgumentFactory<Instant> {
        InstantAsText() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, value.toString());
        }
    }
}
