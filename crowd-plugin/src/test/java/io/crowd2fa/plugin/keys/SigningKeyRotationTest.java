package io.crowd2fa.plugin.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crowd2fa.plugin.crypto.MasterKeyStore;
import io.crowd2fa.plugin.crypto.MasterKeyring;
import io.crowd2fa.plugin.crypto.SecretBox;
import io.crowd2fa.plugin.keys.persistence.JdbcSigningKeyRepository;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.persistence.DatabaseSettings;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.persistence.EngineEntities;
import io.crowd2fa.plugin.persistence.TestDatabases;
import io.crowd2fa.plugin.web.TestClock;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(DatabaseVendor.class)
class SigningKeyRotationTest {

  private static final Duration LIFETIME = Duration.ofHours(12);
  private static final Duration INTERVAL = Duration.ofDays(30);

  @Parameter DatabaseVendor vendor;

  private final SecureRandom random = new SecureRandom();
  private final SecretBox box =
      new SecretBox(new MasterKeyring(List.of(new MasterKeyStore(random).newKey())), random);
  private final List<Database> databases = new ArrayList<>();
  private DatabaseSettings settings;
  private TestClock clock;

  @BeforeEach
  void open() {
    settings = TestDatabases.freshSettings(vendor);
    clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));
  }

  @AfterEach
  void close() {
    databases.forEach(Database::close);
  }

  /** A service node: its own connection pool on the shared database, and its own clock. */
  private SigningKeys node(TestClock nodeClock) {
    Database database = Database.open(settings, EngineEntities.ALL);
    databases.add(database);
    return new SigningKeys(
        new JdbcSigningKeyRepository(database), box, nodeClock, random, LIFETIME, INTERVAL);
  }

  @Test
  void currentKeyIsKeptUntilTheRotationIntervalHasPassed() throws Exception {
    SigningKeys keys = node(clock);
    keys.ensureCurrentKey();
    String first = keys.current().getKeyID();

    clock.advance(INTERVAL.minusSeconds(1));
    assertThat(keys.current().getKeyID()).isEqualTo(first);
    assertThat(keys.publishedKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(first);

    clock.advance(Duration.ofSeconds(1));
    String second = keys.current().getKeyID();
    assertThat(second).isNotEqualTo(first);
    assertThat(keys.current().getKeyID()).isEqualTo(second);
    assertThat(keyRows()).isEqualTo(2);
  }

  @Test
  void servingJwksAlsoRotatesAnOverdueKey() {
    SigningKeys keys = node(clock);
    keys.ensureCurrentKey();
    String first = keys.current().getKeyID();
    clock.advance(INTERVAL.plusHours(1));

    List<String> published = keys.publishedKeys().getKeys().stream().map(JWK::getKeyID).toList();

    assertThat(published).hasSize(2).contains(first);
    assertThat(published.get(0)).isEqualTo(keys.current().getKeyID()).isNotEqualTo(first);
  }

  @Test
  void twoNodesRacingAnOverdueRotationCreateExactlyOneNewKey() throws Exception {
    SigningKeys nodeA = node(clock);
    SigningKeys nodeB = node(clock);
    nodeA.ensureCurrentKey();
    String first = nodeA.current().getKeyID();
    clock.advance(INTERVAL.plusMinutes(1));

    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<String> signA = () -> awaitThen(start, () -> nodeA.current().getKeyID());
      Callable<String> signB = () -> awaitThen(start, () -> nodeB.current().getKeyID());
      Future<String> a = pool.submit(signA);
      Future<String> b = pool.submit(signB);

      String kidA = a.get(60, TimeUnit.SECONDS);
      String kidB = b.get(60, TimeUnit.SECONDS);
      assertThat(kidA).isEqualTo(kidB).isNotEqualTo(first);
    } finally {
      pool.shutdownNow();
    }
    assertThat(keyRows()).isEqualTo(2);
    assertThat(nodeB.publishedKeys().getKeys())
        .extracting(JWK::getKeyID)
        .containsExactly(nodeA.current().getKeyID(), first);
  }

  @Test
  void assertionSignedWithPreviousKeyVerifiesViaJwksUntilItExpiresThenTheKeyLeaves()
      throws Exception {
    SigningKeys signer = node(clock);
    SigningKeys verifier = node(clock);
    signer.ensureCurrentKey();
    clock.advance(INTERVAL.minusHours(1));
    SignedJWT beforeRotation = sign(signer.current());
    String oldKid = beforeRotation.getHeader().getKeyID();

    clock.advance(Duration.ofHours(1));
    SignedJWT afterRotation = sign(signer.current());
    assertThat(afterRotation.getHeader().getKeyID()).isNotEqualTo(oldKid);

    assertThat(verifiesWithJwks(verifier, beforeRotation)).isTrue();
    assertThat(verifiesWithJwks(verifier, afterRotation)).isTrue();

    // The old assertion was issued one hour before the rotation: it expires 11 h after it.
    clock.advance(LIFETIME.minusHours(1).minusSeconds(1));
    assertThat(verifiesWithJwks(verifier, beforeRotation)).isTrue();

    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(verifiesWithJwks(verifier, beforeRotation)).isFalse();
    assertThat(verifier.publishedKeys().getKeys())
        .extracting(JWK::getKeyID)
        .containsExactly(afterRotation.getHeader().getKeyID());
  }

  @Test
  void assertionForgedWithAnUnpublishedKeyUnderAPublishedKidIsRejected() throws Exception {
    SigningKeys keys = node(clock);
    keys.ensureCurrentKey();
    String kid = keys.current().getKeyID();
    ECKey attacker =
        new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
            .keyID(kid)
            .generate();

    assertThat(verifiesWithJwks(keys, sign(attacker))).isFalse();
  }

  @Test
  void rotationIntervalNotLongerThanTheAssertionLifetimeIsRefused() {
    assertThatThrownBy(
            () ->
                new SigningKeys(
                    new InMemorySigningKeyRepository(), box, clock, random, LIFETIME, LIFETIME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rotation interval");
  }

  private SignedJWT sign(ECKey key) throws JOSEException {
    Instant now = clock.instant();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .subject("alice")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build());
    jwt.sign(new ECDSASigner(key));
    return jwt;
  }

  /** What a product's verifier does: find the kid in the JWKS, check signature and expiry. */
  private boolean verifiesWithJwks(SigningKeys jwksSource, SignedJWT jwt)
      throws JOSEException, ParseException {
    JWK key = jwksSource.publishedKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
    if (key == null || !jwt.verify(new ECDSAVerifier(key.toECKey()))) {
      return false;
    }
    return clock.instant().isBefore(jwt.getJWTClaimsSet().getExpirationTime().toInstant());
  }

  private long keyRows() throws Exception {
    try (Connection c = databases.get(0).dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM c2fa_signing_key")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static <T> T awaitThen(CyclicBarrier barrier, Callable<T> action) throws Exception {
    barrier.await(30, TimeUnit.SECONDS);
    return action.call();
  }
}
