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
import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.audit.AuditQuery;
import io.crowd2fa.plugin.audit.RecordingAuditLog;
import io.crowd2fa.plugin.audit.persistence.JpaAuditLog;
import io.crowd2fa.plugin.crypto.MasterKeyStore;
import io.crowd2fa.plugin.crypto.MasterKeyring;
import io.crowd2fa.plugin.crypto.SecretBox;
import io.crowd2fa.plugin.engine.RequestContext;
import io.crowd2fa.plugin.keys.persistence.JdbcSigningKeyRepository;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.persistence.DatabaseSettings;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.persistence.EngineEntities;
import io.crowd2fa.plugin.persistence.JpaEnginePorts;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
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
    return node(nodeClock, repository -> repository);
  }

  /**
   * A node whose repository calls go through {@code interleaving} (to order them against others).
   */
  private SigningKeys node(TestClock nodeClock, UnaryOperator<SigningKeyRepository> interleaving) {
    Database database = Database.open(settings, EngineEntities.ALL);
    databases.add(database);
    return new SigningKeys(
        interleaving.apply(new JdbcSigningKeyRepository(database)),
        new JpaAuditLog(database),
        JpaEnginePorts.transactions(database),
        box,
        nodeClock,
        random,
        LIFETIME,
        INTERVAL);
  }

  @Test
  void firstKeyCreatedThenAudited() {
    SigningKeys keys = node(clock);

    keys.ensureCurrentKey();

    String kid = keys.current().getKeyID();
    List<AuditEvent> created = events(SigningKeyEvents.CREATED);
    assertThat(created).hasSize(1);
    AuditEvent event = created.get(0);
    assertThat(event.username()).as("a system event has no user").isNull();
    assertThat(event.userAgent()).isEqualTo(RequestContext.system().userAgent());
    assertThat(event.clientAddress()).isNull();
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.occurredAt()).isEqualTo(clock.instant());
    assertThat(event.detail()).contains("kid " + kid + " is current");
  }

  @Test
  void secondNodeStartingOnTheSameDatabaseCreatesNoKeyAndNoEvent() throws Exception {
    node(clock).ensureCurrentKey();

    node(clock).ensureCurrentKey();

    assertThat(keyRows()).isEqualTo(1);
    assertThat(events(SigningKeyEvents.CREATED)).hasSize(1);
  }

  @Test
  void rotationByAgeThenExactlyOneRotationEventWithOldAndNewKid() {
    SigningKeys nodeA = node(clock);
    SigningKeys nodeB = node(clock);
    nodeA.ensureCurrentKey();
    String first = nodeA.current().getKeyID();
    clock.advance(INTERVAL.minusSeconds(1));
    nodeA.current();
    nodeB.publishedKeys();
    assertThat(events(SigningKeyEvents.ROTATED)).as("not due yet").isEmpty();

    clock.advance(Duration.ofSeconds(1));
    String second = nodeA.current().getKeyID();
    nodeA.current();
    nodeB.current();
    nodeB.publishedKeys();

    List<AuditEvent> rotations = events(SigningKeyEvents.ROTATED);
    assertThat(rotations).hasSize(1);
    AuditEvent rotation = rotations.get(0);
    assertThat(rotation.username()).isNull();
    assertThat(rotation.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(rotation.occurredAt()).isEqualTo(clock.instant());
    assertThat(rotation.detail())
        .contains("by age", "rotation interval " + INTERVAL)
        .contains("kid " + first + " -> " + second + " is current")
        .contains(first + " stays in the JWKS until " + clock.instant().plus(LIFETIME));
  }

  @Test
  void eachRotationByAgeIsAuditedOnceNamingTheKidItReplaced() {
    SigningKeys keys = node(clock);
    keys.ensureCurrentKey();
    List<String> kids = new ArrayList<>(List.of(keys.current().getKeyID()));
    for (int i = 0; i < 3; i++) {
      clock.advance(INTERVAL);
      kids.add(keys.current().getKeyID());
      keys.publishedKeys();
    }

    List<AuditEvent> rotations = events(SigningKeyEvents.ROTATED);
    assertThat(rotations).hasSize(3);
    // Newest first, as the admin's audit page lists them.
    for (int i = 0; i < 3; i++) {
      assertThat(rotations.get(2 - i).detail())
          .contains("kid " + kids.get(i) + " -> " + kids.get(i + 1) + " is current");
    }
  }

  @Test
  void nodeThatLosesTheRotationRaceWritesNoEventAndSignsWithTheWinnersKey() {
    SigningKeys nodeA = node(clock);
    AtomicReference<String> winner = new AtomicReference<>();
    SigningKeys nodeB =
        node(
            clock,
            repository ->
                new RotatingFirst(repository, () -> winner.set(nodeA.current().getKeyID())));
    nodeA.ensureCurrentKey();
    String first = nodeA.current().getKeyID();
    clock.advance(INTERVAL);

    String signedByB = nodeB.current().getKeyID();

    assertThat(winner.get()).isNotNull().isNotEqualTo(first);
    assertThat(signedByB).isEqualTo(winner.get());
    List<AuditEvent> rotations = events(SigningKeyEvents.ROTATED);
    assertThat(rotations).hasSize(1);
    assertThat(rotations.get(0).detail())
        .contains("kid " + first + " -> " + winner.get() + " is current");
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
  void twoNodesRacingAnOverdueRotationCreateExactlyOneNewKeyAndOneRotationEvent() throws Exception {
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
    List<AuditEvent> rotations = events(SigningKeyEvents.ROTATED);
    assertThat(rotations).as("one rotation, audited by the node that won it").hasSize(1);
    assertThat(rotations.get(0).detail())
        .contains("kid " + first + " -> " + nodeA.current().getKeyID() + " is current");
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
                    new InMemorySigningKeyRepository(),
                    new RecordingAuditLog(),
                    InMemorySigningKeyRepository.NO_TRANSACTION,
                    box,
                    clock,
                    random,
                    LIFETIME,
                    LIFETIME))
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

  private List<AuditEvent> events(AuditEventType type) {
    return new JpaAuditLog(databases.get(0))
        .query(AuditQuery.forUser(null).withTypes(type))
        .events();
  }

  /**
   * A node's repository on which, just before this node's rotation reaches the database, another
   * node rotates first: the interleaving a real race produces only sometimes.
   */
  private record RotatingFirst(SigningKeyRepository delegate, Runnable otherNodeRotates)
      implements SigningKeyRepository {

    @Override
    public List<StoredSigningKey> findAll() {
      return delegate.findAll();
    }

    @Override
    public void insert(StoredSigningKey key) {
      delegate.insert(key);
    }

    @Override
    public boolean retire(String keyId, Instant at) {
      return delegate.retire(keyId, at);
    }

    @Override
    public boolean replace(String currentKeyId, StoredSigningKey fresh, Instant at) {
      otherNodeRotates.run();
      return delegate.replace(currentKeyId, fresh, at);
    }
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
