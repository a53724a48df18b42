package io.crowd2fa.plugin.login.persistence;

import io.crowd2fa.plugin.login.PasswordThrottle;
import io.crowd2fa.plugin.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;

/**
 * {@link PasswordThrottle} in table {@code c2fa_login_throttle} (V22): fixed windows, counted
 * before the password is checked so parallel requests cannot slip past the limit.
 */
public final class JdbcPasswordThrottle implements PasswordThrottle {

  private final Database database;
  private final Clock clock;
  private final Limits limits;

  public JdbcPasswordThrottle(Database database, Clock clock, Limits limits) {
    this.database = database;
    this.clock = clock;
    this.limits = limits;
  }

  @Override
  public boolean tryAcquire(String clientAddress, String username) {
    long windowMillis = limits.window().toMillis();
    long windowStart = clock.millis() / windowMillis * windowMillis;
    return database.fromConnection(
        connection -> {
          int byAddress = increment(connection, "ip:" + clientAddress, windowStart);
          int byUser =
              increment(connection, "user:" + username.toLowerCase(Locale.ROOT), windowStart);
          deleteOlderWindows(connection, windowStart);
          return byAddress <= limits.perAddress() && byUser <= limits.perUsername();
        });
  }

  @Override
  public void succeeded(String username) {
    database.inTransaction(
        session ->
            session.doWork(
                connection -> {
                  try (PreparedStatement delete =
                      connection.prepareStatement(
                          "DELETE FROM c2fa_login_throttle WHERE throttle_key = ?")) {
                    delete.setString(1, "user:" + username.toLowerCase(Locale.ROOT));
                    delete.executeUpdate();
                  }
                }));
  }

  private static int increment(Connection connection, String key, long windowStart)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO c2fa_login_throttle (throttle_key, window_start, attempts)"
                + " VALUES (?, ?, 0) ON CONFLICT DO NOTHING")) {
      insert.setString(1, key);
      insert.setLong(2, windowStart);
      insert.executeUpdate();
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE c2fa_login_throttle SET attempts = attempts + 1"
                + " WHERE throttle_key = ? AND window_start = ?")) {
      update.setString(1, key);
      update.setLong(2, windowStart);
      update.executeUpdate();
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT attempts FROM c2fa_login_throttle WHERE throttle_key = ? AND window_start = ?")) {
      select.setString(1, key);
      select.setLong(2, windowStart);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  private static void deleteOlderWindows(Connection connection, long windowStart)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM c2fa_login_throttle WHERE window_start < ?")) {
      delete.setLong(1, windowStart);
      delete.executeUpdate();
    }
  }
}
