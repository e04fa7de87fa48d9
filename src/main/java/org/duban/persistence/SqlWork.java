package org.duban.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of JDBC work run by {@link Database#read} or {@link Database#write}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
