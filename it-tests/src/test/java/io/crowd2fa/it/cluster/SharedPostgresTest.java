package io.crowd2fa.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SharedPostgresTest {

  @Test
  void startWhenRunAsRootThenRealPostgresqlAnswers() throws Exception {
    try (SharedPostgres postgres = SharedPostgres.start();
        Connection connection = postgres.connect();
        Statement statement = connection.createStatement();
        ResultSet version = statement.executeQuery("SHOW server_version")) {
      assertThat(version.next()).isTrue();
      assertThat(version.getString(1)).startsWith("18.");
    }
  }
}
