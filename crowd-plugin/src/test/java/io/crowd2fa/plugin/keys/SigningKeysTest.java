package io.crowd2fa.plugin.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditQuery;
import io.crowd2fa.plugin.audit.persistence.JpaAuditLog;
import io.crowd2fa.plugin.crypto.MasterKeyStore;
import io.crowd2fa.plugin.crypto.MasterKeyring;
import io.crowd2fa.plugin.crypto.SecretBox;
import io.crowd2fa.plugin.keys.persistence.JdbcSigningKeyRepository;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.persistence.DatabaseSettings;
import io.crowd2fa.plugin.persistence.EngineEntities;
import io.crowd2fa.plugin.persistence.JpaEnginePorts;
import io.crowd2fa.plugin.web.TestClock;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
        new JdbcSigningKeyRepository(database),
        new JpaAuditLog(database),
        JpaEnginePorts.transactions(database),
        box,
        clock,
        random,
        Duration.ofHours(12));
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
  void rotationOnRequestThenAuditedOnceWithOldAndNewKidAndNoKeyMaterial() throws Exception {
    SigningKeys keys = keys();
    keys.ensureCurrentKey();
    String old = keys.current().getKeyID();
    String oldPrivate = keys.current().getD().toString();
    clock.advance(Duration.ofMinutes(5));

    String fresh = keys.rotate();
    keys.current();
    keys.publishedKeys();

    List<AuditEvent> rotations = events(SigningKeyEvents.ROTATED);
    assertThat(rotations).hasSize(1);
    AuditEvent rotation = rotations.get(0);
    assertThat(rotation.detail())
        .contains("on request", "kid " + old + " -> " + fresh + " is current")
        .contains("stays in the JWKS until " + clock.instant().plus(Duration.ofHours(12)));
    assertThat(rotation.occurredAt()).isEqualTo(clock.instant());
    String freshPrivate = keys.current().getD().toString();
    for (String secret :
        List.of(oldPrivate, freshPrivate, sealedColumn(old), sealedColumn(fresh))) {
      assertThat(rotation.detail()).doesNotContain(secret);
    }
  }

  @Test
  void laterStartsWithAKeyWriteNoCreationEvent() {
    keys().ensureCurrentKey();
    keys().ensureCurrentKey();
    keys().ensureCurrentKey();

    assertThat(events(SigningKeyEvents.CREATED)).hasSize(1);
    assertThat(events(SigningKeyEvents.ROTATED)).isEmpty();
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
            new JdbcSigningKeyRepository(database),
            new JpaAuditLog(database),
            JpaEnginePorts.transactions(database),
            other,
            clock,
            random,
            Duration.ofHours(12));

    assertThatThrownBy(withOtherKey::current).isInstanceOf(RuntimeException.class);
  }

  private List<AuditEvent> events(AuditEventType type) {
    return new JpaAuditLog(database).query(AuditQuery.forUser(null).withTypes(type)).events();
  }

  private String sealedColumn(String kid) throws Exception {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT sealed_private_jwk FROM c2fa_signing_key WHERE key_id = ?")) {
      select.setString(1, kid);
      try (ResultSet rows = select.executeQuery()) {
        assertThat(rows.next()).isTrue();
        return rows.getString(1);
      }
    }
  }
}
