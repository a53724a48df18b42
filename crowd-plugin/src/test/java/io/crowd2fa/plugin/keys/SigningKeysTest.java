package io.crowd2fa.plugin.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import io.crowd2fa.plugin.crypto.MasterKeyStore;
import io.crowd2fa.plugin.crypto.MasterKeyring;
import io.crowd2fa.plugin.crypto.SecretBox;
import io.crowd2fa.plugin.keys.persistence.JdbcSigningKeyRepository;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.persistence.DatabaseSettings;
import io.crowd2fa.plugin.persistence.EngineEntities;
import io.crowd2fa.plugin.web.TestClock;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final SecureRandom random = new SecureRandom();
  private Database database;
  private SecretBox box;

  @BeforeEach
  void open() {
    database =
        Database.open(
            new DatabaseSettings(
                "jdbc:h2:mem:keys"
                    + UUID.randomUUID().toString().replace("-", "")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "",
                2),
            EngineEntities.ALL);
    MasterKeyring ring = new MasterKeyring(List.of(new MasterKeyStore(random).newKey()));
    box = new SecretBox(ring, random);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private SigningKeys keys() {
    return new SigningKeys(
        new JdbcSigningKeyRepository(database), box, clock, random, Duration.ofHours(12));
  }

  @Test
  void firstStartGeneratesOneP256KeyAndLaterStartsKeepIt() {
    SigningKeys keys = keys();
    keys.ensureCurrentKey();
    String kid = keys.current().getKeyID();

    keys().ensureCurrentKey();

    assertThat(keys().current().getKeyID()).isEqualTo(kid);
    assertThat(keys.current().getCurve().getName()).isEqualTo("P-256");
    assertThat(keys.publishedKeys().getKeys()).hasSize(1);
  }

  @Test
  void privateKeyIsStoredSealedNotInClear() throws Exception {
    SigningKeys keys = keys();
    keys.ensureCurrentKey();
    String d = keys.current().getD().toString();

    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT sealed_private_jwk FROM c2fa_signing_key")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).startsWith("v1.").doesNotContain(d);
    }
  }

  @Test
  void rotationKeepsPreviousKeyPublishedUntilItsAssertionsExpire() {
    SigningKeys keys = keys();
    keys.ensureCurrentKey();
    String old = keys.current().getKeyID();
    clock.advance(Duration.ofDays(30));

    String fresh = keys.rotate();

    assertThat(keys.current().getKeyID()).isEqualTo(fresh).isNotEqualTo(old);
    assertThat(keys.publishedKeys().getKeys())
        .extracting(JWK::getKeyID)
        .containsExactly(fresh, old);
    clock.advance(Duration.ofHours(12).plusSeconds(1));
    assertThat(keys.publishedKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(fresh);
  }

  @Test
  void publishedKeysHoldNoPrivatePart() {
    SigningKeys keys = keys();
    keys.ensureCurrentKey();

    assertThat(keys.publishedKeys().getKeys()).noneMatch(JWK::isPrivate);
  }

  @Test
  void keySealedUnderAnotherMasterKeyDoesNotOpen() {
    keys().ensureCurrentKey();
    SecretBox other =
        new SecretBox(new MasterKeyring(List.of(new MasterKeyStore(random).newKey())), random);
    SigningKeys withOtherKey =
        new SigningKeys(
            new JdbcSigningKeyRepository(database), other, clock, random, Duration.ofHours(12));

    assertThatThrownBy(withOtherKey::current).isInstanceOf(RuntimeException.class);
  }
}
