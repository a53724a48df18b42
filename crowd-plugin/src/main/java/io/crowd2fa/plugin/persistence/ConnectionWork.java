package io.crowd2fa.plugin.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** Plain-JDBC work on the connection of the current transaction (see {@link Database}). */
@FunctionalInterface
public interface ConnectionWork<T> {

  T apply(Connection connection) throws SQLException;
}
