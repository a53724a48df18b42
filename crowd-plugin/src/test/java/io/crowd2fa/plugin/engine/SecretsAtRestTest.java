package io.crowd2fa.plugin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.recovery.RecoveryCodeFormat;
import io.crowd2fa.plugin.recovery.RecoveryCodes;
import io.crowd2fa.plugin.totp.TotpEnrolment;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Dumps the whole database and looks for any secret in clear (DESIGN invariant 5). */
@ParameterizedClass
@EnumSource(DatabaseVendor.class)
class SecretsAtRestTest {

  @Parameter DatabaseVendor vendor;
  static EngineFixture fixture;

  @BeforeParameterizedClassInvocation
  static void open(DatabaseVendor vendor) {
    fixture = EngineFixture.open(vendor);
  }

  @AfterParameterizedClassInvocation
  static void close() {
    fixture.close();
  }

  @Test
  void databaseDumpContainsNoTotpSecretAndNoRecoveryCodeInClear() throws SQLException {
    String user = EngineFixture.newUsername();
    TotpEnrolment active = fixture.enrolTotp(user);
    TotpEnrolment pending = fixture.engine.startTotpEnrolment(user, "pending", fixture.context);
    fixture.engine.verifyTotp(user, fixture.codeAt(active, 0), fixture.context);
    fixture.engine.verifyTotp(user, "000000", fixture.context);
    RecoveryCodes codes = fixture.engine.regenerateRecoveryCodes(user, fixture.context);
    fixture.engine.verifyRecoveryCode(user, codes.codes().get(0), fixture.context);

    String dump = dump().toLowerCase(Locale.ROOT);

    // The dump is real: it holds the user's rows and the sealed secrets.
    assertThat(dump).contains(user).contains(active.credentialId().toString()).contains("v1.");
    for (TotpEnrolment enrolment : List.of(active, pending)) {
      byte[] raw = new Base32().decode(enrolment.base32Secret());
      assertThat(dump)
          .doesNotContain(enrolment.base32Secret().toLowerCase(Locale.ROOT))
          .doesNotContain(HexFormat.of().formatHex(raw))
          .doesNotContain(Base64.getEncoder().encodeToString(raw).toLowerCase(Locale.ROOT))
          .doesNotContain(
              Base64.getUrlEncoder().withoutPadding().encodeToString(raw).toLowerCase(Locale.ROOT));
    }
    for (String code : codes.codes()) {
      String secret = ((RecoveryCodeFormat.Valid) RecoveryCodeFormat.parse(code)).parts().secret();
      assertThat(dump).doesNotContain(code).doesNotContain(secret);
    }
  }

  private static String dump() throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection connection = fixture.database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      if (fixture.database.vendor() == DatabaseVendor.H2) {
        try (ResultSet script = statement.executeQuery("SCRIPT")) {
          while (script.next()) {
            out.append(script.getString(1)).append('\n');
          }
        }
        return out.toString();
      }
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "select table_name from information_schema.tables where table_schema = 'public'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rows = statement.executeQuery("select t::text from \"" + table + "\" t")) {
          while (rows.next()) {
            out.append(table).append(' ').append(rows.getString(1)).append('\n');
          }
        }
      }
      return out.toString();
    }
  }
}
