package io.crowd2fa.it.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** One real PostgreSQL (zonky: native binaries from Maven Central, no Docker) for both nodes. */
final class SharedPostgres implements AutoCloseable {

  static final String DATABASE = "crowd2fa";

  private final EmbeddedPostgres postgres;

  private SharedPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static SharedPostgres start() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
      return new SharedPostgres(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database " + DATABASE, e);
    }
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", DATABASE);
  }

  String user() {
    return "postgres";
  }

  Connection connect() throws SQLException {
    return postgres.getDatabase("postgres", DATABASE).getConnection();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
