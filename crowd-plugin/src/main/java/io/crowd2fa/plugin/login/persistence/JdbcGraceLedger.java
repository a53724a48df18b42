package io.crowd2fa.plugin.login.persistence;

import io.crowd2fa.plugin.login.GraceLedger;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.policy.GraceState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

/** {@link GraceLedger} in table {@code c2fa_enrolment_grace} (V23). */
public final class JdbcGraceLedger implements GraceLedger {

  private final Database database;

  public JdbcGraceLedger(Database database) {
    this.database = database;
  }

  @Override
  public GraceState stateOf(String username) {
    return database.fromConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT logins_without_enrolment FROM c2fa_enrolment_grace"
                      + " WHERE username = ?")) {
            select.setString(1, key(username));
            try (ResultSet row = select.executeQuery()) {
              return row.next() ? new GraceState(row.getInt(1)) : GraceState.UNUSED;
            }
          }
        });
  }

  @Override
  public void recordSkip(String username) {
    database.inTransaction(
        session ->
            session.doWork(
                connection -> {
                  try (PreparedStatement insert =
                      connection.prepareStatement(
                          "INSERT INTO c2fa_enrolment_grace (username, logins_without_enrolment)"
                              + " VALUES (?, 0) ON CONFLICT DO NOTHING")) {
                    insert.setString(1, key(username));
                    insert.executeUpdate();
                  }
                  try (PreparedStatement update =
                      connection.prepareStatement(
                          "UPDATE c2fa_enrolment_grace"
                              + " SET logins_without_enrolment = logins_without_enrolment + 1"
                              + " WHERE username = ?")) {
                    update.setString(1, key(username));
                    update.executeUpdate();
                  }
                }));
  }

  private static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
