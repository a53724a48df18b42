package io.crowd2fa.plugin.webauthn.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.yubico.webauthn.data.ByteArray;
import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.audit.AuditQuery;
import io.crowd2fa.plugin.crypto.MasterKey;
import io.crowd2fa.plugin.crypto.MasterKeyring;
import io.crowd2fa.plugin.crypto.SecretBox;
import io.crowd2fa.plugin.engine.AdminResetResult;
import io.crowd2fa.plugin.engine.EnginePorts;
import io.crowd2fa.plugin.engine.EngineSettings;
import io.crowd2fa.plugin.engine.FactorType;
import io.crowd2fa.plugin.engine.RequestContext;
import io.crowd2fa.plugin.engine.TwoFactorEngine;
import io.crowd2fa.plugin.engine.VerificationResult;
import io.crowd2fa.plugin.lockout.LockoutPolicy;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.persistence.DatabaseSettings;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.persistence.EngineEntities;
import io.crowd2fa.plugin.persistence.JpaEnginePorts;
import io.crowd2fa.plugin.persistence.TestDatabases;
import io.crowd2fa.plugin.webauthn.CeremonyKind;
import io.crowd2fa.plugin.webauthn.CredentialStatus;
import io.crowd2fa.plugin.webauthn.PendingCeremony;
import io.crowd2fa.plugin.webauthn.RegistrationOutcome;
import io.crowd2fa.plugin.webauthn.SoftwareAuthenticator;
import io.crowd2fa.plugin.webauthn.WebAuthnCredential;
import io.crowd2fa.plugin.webauthn.WebAuthnEvents;
import io.crowd2fa.plugin.webauthn.WebAuthnFactorProvider;
import io.crowd2fa.plugin.webauthn.WebAuthnService;
import io.crowd2fa.plugin.webauthn.WebAuthnSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The WebAuthn tables on H2 and PostgreSQL, with two independent pools on one database standing in
 * for two cluster nodes.
 */
@ParameterizedClass
@EnumSource(DatabaseVendor.class)
class JpaWebAuthnStoreTest {
  static final String ORIGIN = "https://login.example.com";
  static final RequestContext CLIENT = new RequestContext("198.51.100.4", "JUnit");

  /** No back-off before the cap, so the fixed clock never has to move. */
  static final LockoutPolicy HARD_CAP_OF_THREE =
      new LockoutPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1), 3, 100);

  @Parameter DatabaseVendor vendor;
  static Database nodeA;
  static Database nodeB;

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private final String user = "user-" + UUID.randomUUID();

  @BeforeParameterizedClassInvocation
  static void open(DatabaseVendor vendor) {
    DatabaseSettings settings = TestDatabases.freshSettings(vendor);
    nodeA = Database.open(settings, EngineEntities.with(WebAuthnEntities.ALL));
    nodeB = Database.open(settings, EngineEntities.with(WebAuthnEntities.ALL));
  }

  @AfterParameterizedClassInvocation
  static void close() {
    nodeA.close();
    nodeB.close();
  }

  @Test
  void registeredCredentialRoundTripsWithEveryAttribute() {
    JpaWebAuthnStore store = new JpaWebAuthnStore(nodeA);
    WebAuthnCredential credential = credential(user, randomBytes(16));

    assertThat(store.insert(credential)).isTrue();

    assertThat(new JpaWebAuthnStore(nodeB).byId(credential.credentialId())).contains(credential);
    assertThat(store.forUser(user)).containsExactly(credential);
  }

  @Test
  void credentialIdIsUniqueAcrossUsers() {
    JpaWebAuthnStore store = new JpaWebAuthnStore(nodeA);
    byte[] id = randomBytes(16);

    assertThat(store.insert(credential(user, id))).isTrue();
    assertThat(store.insert(credential("other-" + user, id))).isFalse();
    assertThat(store.byId(new ByteArray(id)).orElseThrow().username()).isEqualTo(user);
  }

  @Test
  void sameCredentialIdRegisteredOnTwoNodesAtOnceIsStoredOnce() throws Exception {
    byte[] id = randomBytes(16);
    List<Boolean> inserted =
        race(
            () -> new JpaWebAuthnStore(nodeA).insert(credential(user, id)),
            () -> new JpaWebAuthnStore(nodeB).insert(credential("other-" + user, id)));

    assertThat(inserted).containsExactlyInAnyOrder(true, false);
  }

  @Test
  void challengeIsConsumedByExactlyOneOfTwoNodes() throws Exception {
    new JpaWebAuthnStore(nodeA).save(ceremony("tx-" + user));

    List<Optional<PendingCeremony>> consumed =
        race(
            () -> new JpaWebAuthnStore(nodeA).consume("tx-" + user, CeremonyKind.ASSERTION),
            () -> new JpaWebAuthnStore(nodeB).consume("tx-" + user, CeremonyKind.ASSERTION));

    assertThat(consumed).filteredOn(Optional::isPresent).hasSize(1);
    assertThat(new JpaWebAuthnStore(nodeA).consume("tx-" + user, CeremonyKind.ASSERTION)).isEmpty();
  }

  @Test
  void startingAgainReplacesTheTransactionsChallenge() {
    JpaWebAuthnStore store = new JpaWebAuthnStore(nodeA);
    store.save(ceremony("tx-" + user));
    PendingCeremony newer =
        new PendingCeremony(
            "tx-" + user,
            CeremonyKind.ASSERTION,
            user,
            "{\"newer\":true}",
            clock.instant(),
            clock.instant().plusSeconds(300));
    store.save(newer);

    assertThat(store.consume("tx-" + user, CeremonyKind.ASSERTION)).contains(newer);
  }

  @Test
  void userHandleIsStoredOnceEvenWhenTwoNodesCreateIt() throws Exception {
    ByteArray first = new ByteArray(randomBytes(32));
    ByteArray second = new ByteArray(randomBytes(32));

    List<ByteArray> stored =
        race(
            () -> new JpaWebAuthnStore(nodeA).storeIfAbsent(user, first),
            () -> new JpaWebAuthnStore(nodeB).storeIfAbsent(user, second));

    assertThat(stored.get(0)).isEqualTo(stored.get(1)).isIn(first, second);
    assertThat(new JpaWebAuthnStore(nodeA).usernameOf(stored.get(0))).contains(user);
  }

  @Test
  void registrationOnOneNodeAndAssertionOnTheOtherThenReplayIsRejectedEverywhere() {
    WebAuthnService serviceA = service(nodeA);
    WebAuthnService serviceB = service(nodeB);
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    String registration =
        serviceA
            .startRegistration(user, user, "tx-r", CLIENT)
            .publicKeyCredentialCreationOptionsJson();
    RegistrationOutcome registered =
        serviceB.finishRegistration(user, "tx-r", key.register(registration), "Key", CLIENT);
    assertThat(registered).isInstanceOf(RegistrationOutcome.Registered.class);

    String options = startAssertion(serviceA, "tx-a");
    String response = key.assertion(options);
    VerificationResult first = serviceB.finishAssertion(user, "tx-a", response, CLIENT);
    VerificationResult replay = serviceA.finishAssertion(user, "tx-a", response, CLIENT);

    assertThat(first).isInstanceOf(VerificationResult.Accepted.class);
    assertThat(replay).isInstanceOf(VerificationResult.Rejected.class);
    assertThat(new JpaWebAuthnStore(nodeA).forUser(user).get(0).signatureCount()).isEqualTo(1);
    AuditEvent audited = lastAssertionEvent();
    assertThat(audited.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(audited.detail()).contains("CHALLENGE_NOT_FOUND");
  }

  @Test
  void sameAssertionSubmittedToTwoNodesAtOnceIsAcceptedExactlyOnce() throws Exception {
    WebAuthnService serviceA = service(nodeA);
    WebAuthnService serviceB = service(nodeB);
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    String registration =
        serviceA
            .startRegistration(user, user, "tx-r", CLIENT)
            .publicKeyCredentialCreationOptionsJson();
    serviceA.finishRegistration(user, "tx-r", key.register(registration), "Key", CLIENT);
    String response = key.assertion(startAssertion(serviceA, "tx-a"));

    List<VerificationResult> results =
        race(
            () -> serviceA.finishAssertion(user, "tx-a", response, CLIENT),
            () -> serviceB.finishAssertion(user, "tx-a", response, CLIENT));

    assertThat(results).filteredOn(VerificationResult.Accepted.class::isInstance).hasSize(1);
    assertThat(results).filteredOn(VerificationResult.Rejected.class::isInstance).hasSize(1);
    assertThat(
            JpaEnginePorts.create(nodeA)
                .auditLog()
                .query(AuditQuery.forUser(user).withTypes(WebAuthnEvents.ASSERTION))
                .events())
        .extracting(AuditEvent::outcome)
        .containsExactlyInAnyOrder(AuditOutcome.SUCCESS, AuditOutcome.FAILURE);
  }

  @Test
  void counterRegressionMarksTheStoredCredentialPossiblyCloned() {
    WebAuthnService service = service(nodeA);
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    String registration =
        service
            .startRegistration(user, user, "tx-r", CLIENT)
            .publicKeyCredentialCreationOptionsJson();
    service.finishRegistration(user, "tx-r", key.register(registration), "Key", CLIENT);
    SoftwareAuthenticator clone = key.cloneKey();
    key.counter = 5;
    service.finishAssertion(user, "tx-1", key.assertion(startAssertion(service, "tx-1")), CLIENT);

    VerificationResult cloned =
        service.finishAssertion(
            user, "tx-2", clone.assertion(startAssertion(service, "tx-2")), CLIENT);

    assertThat(cloned).isInstanceOf(VerificationResult.Rejected.class);
    assertThat(new JpaWebAuthnStore(nodeB).forUser(user).get(0).status())
        .isEqualTo(CredentialStatus.POSSIBLY_CLONED);
    assertThat(
            JpaEnginePorts.create(nodeA)
                .auditLog()
                .query(AuditQuery.forUser(user).withTypes(WebAuthnEvents.CLONE_SUSPECTED))
                .total())
        .isEqualTo(1);
  }

  @Test
  void adminResetWhenAWebAuthnKeyWasDisabledThenItIsRemovedAndActiveAndOtherUsersKeysStay() {
    TwoFactorEngine engine = engine(nodeA, HARD_CAP_OF_THREE);
    WebAuthnService service = service(nodeA, engine);
    String other = "other-" + user;
    SoftwareAuthenticator lost = register(service, user, "lost");
    SoftwareAuthenticator othersKey = register(service, other, "theirs");
    disableThroughTheHardCap(service, user, lost);
    disableThroughTheHardCap(service, other, othersKey);
    SoftwareAuthenticator replacement = register(service, user, "replacement");

    AdminResetResult reset = engine.adminReset(user, "admin", CLIENT);

    assertThat(reset).isEqualTo(new AdminResetResult(1, 1));
    JpaWebAuthnStore store = new JpaWebAuthnStore(nodeB);
    assertThat(store.forUser(user))
        .extracting(WebAuthnCredential::credentialId, WebAuthnCredential::status)
        .containsExactly(tuple(new ByteArray(replacement.credentialId), CredentialStatus.ACTIVE));
    assertThat(store.forUser(other))
        .extracting(WebAuthnCredential::credentialId, WebAuthnCredential::status)
        .containsExactly(tuple(new ByteArray(othersKey.credentialId), CredentialStatus.DISABLED));
    AuditEvent event = lastEvent(user, AuditEventType.ADMIN_RESET);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.detail())
        .isEqualTo("by admin: 1 counters cleared, 1 disabled factors removed (TOTP 0, WEBAUTHN 1)");
    assertThat(lastEvent(other, AuditEventType.FACTOR_DISABLED).detail())
        .contains("WEBAUTHN: 1 disabled");
  }

  @Test
  void removeUnusableDeletesTheUsersDisabledAndPossiblyClonedCredentialsOnly() {
    JpaWebAuthnStore store = new JpaWebAuthnStore(nodeA);
    WebAuthnCredential active = credential(user, randomBytes(16));
    WebAuthnCredential disabled = credential(user, randomBytes(16));
    WebAuthnCredential cloned = credential(user, randomBytes(16));
    String other = "other-" + user;
    WebAuthnCredential othersDisabled = credential(other, randomBytes(16));
    List.of(active, disabled, cloned, othersDisabled).forEach(store::insert);
    store.setStatus(disabled.credentialId(), CredentialStatus.DISABLED);
    store.setStatus(cloned.credentialId(), CredentialStatus.POSSIBLY_CLONED);
    store.setStatus(othersDisabled.credentialId(), CredentialStatus.DISABLED);

    assertThat(new JpaWebAuthnStore(nodeB).removeUnusable(user)).isEqualTo(2);

    assertThat(store.forUser(user))
        .extracting(WebAuthnCredential::credentialId)
        .containsExactly(active.credentialId());
    assertThat(store.forUser(other))
        .extracting(WebAuthnCredential::status)
        .containsExactly(CredentialStatus.DISABLED);
  }

  @Test
  void expiredChallengesAreDeleted() {
    JpaWebAuthnStore store = new JpaWebAuthnStore(nodeA);
    store.save(ceremony("tx-" + user));

    assertThat(store.removeExpired(clock.instant().plus(Duration.ofMinutes(5))))
        .isGreaterThanOrEqualTo(1);
    assertThat(store.consume("tx-" + user, CeremonyKind.ASSERTION)).isEmpty();
  }

  private static SoftwareAuthenticator register(
      WebAuthnService service, String username, String nickname) {
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    String tx = "tx-r-" + nickname + "-" + username;
    String options =
        service
            .startRegistration(username, username, tx, CLIENT)
            .publicKeyCredentialCreationOptionsJson();
    assertThat(service.finishRegistration(username, tx, key.register(options), nickname, CLIENT))
        .isInstanceOf(RegistrationOutcome.Registered.class);
    return key;
  }

  private static void disableThroughTheHardCap(
      WebAuthnService service, String username, SoftwareAuthenticator key) {
    key.corruptSignature = true;
    VerificationResult last = null;
    for (int i = 0; i < HARD_CAP_OF_THREE.hardCap(); i++) {
      String tx = "tx-f" + i + "-" + username;
      last =
          service.finishAssertion(
              username, tx, key.assertion(startAssertion(service, username, tx)), CLIENT);
    }
    key.corruptSignature = false;
    assertThat(last).isEqualTo(new VerificationResult.Disabled(FactorType.WEBAUTHN));
  }

  private static AuditEvent lastEvent(String username, AuditEventType type) {
    return JpaEnginePorts.create(nodeA)
        .auditLog()
        .query(AuditQuery.forUser(username).withTypes(type))
        .events()
        .get(0);
  }

  private AuditEvent lastAssertionEvent() {
    return JpaEnginePorts.create(nodeA)
        .auditLog()
        .query(AuditQuery.forUser(user).withTypes(WebAuthnEvents.ASSERTION))
        .events()
        .get(0);
  }

  private String startAssertion(WebAuthnService service, String tx) {
    return startAssertion(service, user, tx);
  }

  private static String startAssertion(WebAuthnService service, String username, String tx) {
    return ((io.crowd2fa.plugin.webauthn.AssertionStart.Started)
            service.startAssertion(username, tx, CLIENT))
        .publicKeyCredentialRequestOptionsJson();
  }

  private WebAuthnService service(Database database) {
    return service(database, engine(database, LockoutPolicy.DEFAULT));
  }

  private TwoFactorEngine engine(Database database, LockoutPolicy policy) {
    SecureRandom random = new SecureRandom();
    return new TwoFactorEngine(
        new EngineSettings(EngineSettings.defaults("Crowd2FA").totp(), policy),
        JpaEnginePorts.create(database),
        new SecretBox(new MasterKeyring(List.of(new MasterKey("test", new byte[32]))), random),
        clock,
        random,
        List.of(new WebAuthnFactorProvider(new JpaWebAuthnStore(database))));
  }

  private WebAuthnService service(Database database, TwoFactorEngine engine) {
    EnginePorts ports = JpaEnginePorts.create(database);
    JpaWebAuthnStore store = new JpaWebAuthnStore(database);
    return new WebAuthnService(
        WebAuthnSettings.secondFactor("example.com", "Crowd2FA", Set.of(ORIGIN)),
        store.stores(),
        ports.auditLog(),
        ports.transactions(),
        engine::verifyWithLockout,
        clock,
        new SecureRandom());
  }

  private WebAuthnCredential credential(String username, byte[] id) {
    return new WebAuthnCredential(
        UUID.randomUUID(),
        new ByteArray(id),
        username,
        new ByteArray(randomBytes(32)),
        new ByteArray(randomBytes(77)),
        42,
        new ByteArray(new byte[16]),
        Set.of("usb", "nfc"),
        true,
        false,
        "Key",
        CredentialStatus.ACTIVE,
        clock.instant(),
        Optional.of(clock.instant().plusSeconds(1)));
  }

  private PendingCeremony ceremony(String tx) {
    return new PendingCeremony(
        tx,
        CeremonyKind.ASSERTION,
        user,
        "{\"challenge\":\"x\"}",
        clock.instant(),
        clock.instant().plusSeconds(300));
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  /** Runs both tasks released together by a barrier, each in its own transaction. */
  private static <T> List<T> race(Callable<T> a, Callable<T> b) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<T> first =
          pool.submit(
              () -> {
                barrier.await(10, TimeUnit.SECONDS);
                return a.call();
              });
      Future<T> second =
          pool.submit(
              () -> {
                barrier.await(10, TimeUnit.SECONDS);
                return b.call();
              });
      return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }
}
