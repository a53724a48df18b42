package io.crowd2fa.plugin.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(DatabaseVendor.class)
class DatabaseTest {

  @Parameter DatabaseVendor vendor;
  static Database database;

  @BeforeParameterizedClassInvocation
  static void open(DatabaseVendor vendor) {
    database = TestDatabases.open(vendor);
  }

  @AfterParameterizedClassInvocation
  static void close() {
    database.close();
  }

  @Test
  void openRunsEveryEngineMigrationBeforeHibernateValidatesTheSchema() throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select \"version\" from \"flyway_schema_history\" where \"success\" and \"version\" is not null"
                    + " order by \"installed_rank\"")) {
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
    }
    assertThat(database.vendor()).isEqualTo(vendor);
    assertThat(versions).startsWith("1", "2", "3", "4");
  }

  @Test
  void nestedTransactionJoinsTheOuterOne() {
    boolean joined =
        database.fromTransaction(
            outer ->
                database.fromTransaction(
                    inner -> inner == outer && database.inActiveTransaction()));
    assertThat(joined).isTrue();
    assertThat(database.inActiveTransaction()).isFalse();
  }

  @Test
  void failureInsideTransactionRollsBackAllJoinedWork() {
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    session -> {
                      insertAuditRow(session, "rollback-probe");
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    long rows =
        database.fromTransaction(
            session ->
                session
                    .createNativeQuery(
                        "select count(*) from audit_event where username = 'rollback-probe'",
                        Long.class)
                    .getSingleResult());
    assertThat(rows).isZero();
  }

  @Test
  void fromConnectionJoinsTheCurrentTransactionAndRollsBackWithIt() {
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    session -> {
                      insertAuditRow(session, "jdbc-probe");
                      long seen =
                          database.fromConnection(
                              connection -> {
                                try (Statement statement = connection.createStatement();
                                    ResultSet rows =
                                        statement.executeQuery(
                                            "select count(*) from audit_event"
                                                + " where username = 'jdbc-probe'")) {
                                  rows.next();
                                  return rows.getLong(1);
                                }
                              });
                      assertThat(seen).isEqualTo(1);
                      throw new IllegalStateException("roll back");
                    }))
        .hasMessage("roll back");
    long after =
        database.fromConnection(
            connection -> {
              try (Statement statement = connection.createStatement();
                  ResultSet rows =
                      statement.executeQuery(
                          "select count(*) from audit_event where username = 'jdbc-probe'")) {
                rows.next();
                return rows.getLong(1);
              }
            });
    assertThat(after).isZero();
  }

  @Test
  void fromConnectionTurnsSqlExceptionsIntoDatabaseFault() {
    assertThatThrownBy(
            () ->
                database.fromConnection(
                    connection -> connection.createStatement().executeQuery("select * from nope")))
        .isInstanceOf(DatabaseFault.class);
  }

  @Test
  void sqlErrorsSurfaceAsDatabaseFault() {
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    session ->
                        session
                            .createNativeMutationQuery("insert into no_such_table values (1)")
                            .executeUpdate()))
        .isInstanceOf(DatabaseFault.class);
  }

  @Test
  void settingsRejectUnsupportedJdbcUrls() {
    assertThatThrownBy(() -> DatabaseSettings.postgresql("jdbc:mysql://x/y", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported JDBC URL");
  }

  private static void insertAuditRow(org.hibernate.Session session, String username) {
    session
        .createNativeMutationQuery(
            "insert into audit_event (occurred_at, username, event_type, outcome)"
                + " values (current_timestamp, :username, 'PROBE', 'SUCCESS')")
        .setParameter("username", username)
        .executeUpdate();
  }
}
