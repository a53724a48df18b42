package io.crowd2fa.plugin.webauthn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.UserVerificationRequirement;
import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.audit.RecordingAuditLog;
import io.crowd2fa.plugin.engine.EnrolledFactor;
import io.crowd2fa.plugin.engine.FactorStatus;
import io.crowd2fa.plugin.engine.FactorType;
import io.crowd2fa.plugin.engine.RequestContext;
import io.crowd2fa.plugin.engine.TwoFactorEngine;
import io.crowd2fa.plugin.engine.VerificationResult;
import io.crowd2fa.plugin.lockout.AttemptCounter;
import io.crowd2fa.plugin.lockout.LockoutPolicy;
import io.crowd2fa.plugin.webauthn.WebAuthnTestSupport.InMemoryLockoutRepository;
import io.crowd2fa.plugin.webauthn.WebAuthnTestSupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebAuthnServiceTest {
  static final String ORIGIN = "https://login.example.com";
  static final RequestContext CLIENT = new RequestContext("203.0.113.7", "JUnit");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final InMemoryWebAuthnStore store = new InMemoryWebAuthnStore();
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final InMemoryLockoutRepository counters = new InMemoryLockoutRepository();
  private TwoFactorEngine engine;
  private WebAuthnService service =
      service(LockoutPolicy.DEFAULT, UserVerificationRequirement.DISCOURAGED);

  private WebAuthnService service(LockoutPolicy policy, UserVerificationRequirement uv) {
    WebAuthnSettings settings =
        new WebAuthnSettings(
            "example.com",
            "Crowd2FA test",
            Set.of(ORIGIN),
            uv,
            AttestationConveyancePreference.NONE,
            Duration.ofMinutes(5));
    engine = WebAuthnTestSupport.engine(policy, counters, audit, clock, store);
    return new WebAuthnService(
        settings,
        store.stores(),
        audit,
        WebAuthnTestSupport.DIRECT,
        engine::verifyWithLockout,
        clock,
        new SecureRandom());
  }

  // ------------------------------------------------------------------ registration

  @Test
  void registrationWhenResponseValidThenCredentialStoredWithItsAttributes() {
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    key.flags = SoftwareAuthenticator.FLAG_UP | SoftwareAuthenticator.FLAG_BE;

    WebAuthnCredential credential = register("alice", key, "tx-1");

    assertThat(credential.credentialId()).isEqualTo(new ByteArray(key.credentialId));
    assertThat(credential.username()).isEqualTo("alice");
    assertThat(credential.nickname()).isEqualTo("YubiKey");
    assertThat(credential.aaguid()).isEqualTo(new ByteArray(new byte[16]));
    assertThat(credential.transports()).containsExactly("usb");
    assertThat(credential.backupEligible()).isTrue();
    assertThat(credential.backedUp()).isFalse();
    assertThat(credential.signatureCount()).isZero();
    assertThat(credential.createdAt()).isEqualTo(clock.instant());
    assertThat(credential.lastUsedAt()).isEmpty();
    assertThat(credential.status()).isEqualTo(CredentialStatus.ACTIVE);
    assertThat(store.byId(credential.credentialId())).contains(credential);
    AuditEvent event = audit.last(WebAuthnEvents.REGISTRATION);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.clientAddress()).isEqualTo("203.0.113.7");
  }

  @Test
  void userHandleIsRandomStableAndNeverTheUsername() {
    register("alice", SoftwareAuthenticator.create(ORIGIN), "tx-1");
    register("alice", SoftwareAuthenticator.create(ORIGIN), "tx-2");
    register("bob", SoftwareAuthenticator.create(ORIGIN), "tx-3");

    ByteArray alice = store.find("alice").orElseThrow();
    assertThat(alice.size()).isEqualTo(32);
    assertThat(alice.getBytes()).isNotEqualTo("alice".getBytes(StandardCharsets.UTF_8));
    assertThat(store.forUser("alice"))
        .extracting(WebAuthnCredential::userHandle)
        .containsOnly(alice);
    assertThat(store.find("bob")).get().isNotEqualTo(alice);
  }

  @Test
  void registrationOptionsExcludeTheUsersExistingCredentials() {
    SoftwareAuthenticator first = SoftwareAuthenticator.create(ORIGIN);
    register("alice", first, "tx-1");

    String options =
        service
            .startRegistration("alice", "Alice", "tx-2", CLIENT)
            .publicKeyCredentialCreationOptionsJson();

    JsonNode publicKey = SoftwareAuthenticator.read(options).path("publicKey");
    assertThat(publicKey.path("excludeCredentials")).hasSize(1);
    assertThat(publicKey.path("excludeCredentials").get(0).path("id").asText())
        .isEqualTo(new ByteArray(first.credentialId).getBase64Url());
    assertThat(publicKey.path("user").path("name").asText()).isEqualTo("alice");
    assertThat(publicKey.path("attestation").asText()).isEqualTo("none");
    assertThat(SoftwareAuthenticator.challengeOf(options)).hasSizeGreaterThanOrEqualTo(16);
  }

  @Test
  void registrationWhenCredentialIdAlreadyRegisteredToAnotherUserThenRejected() {
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    register("alice", key, "tx-1");

    RegistrationOutcome outcome = tryRegister("bob", key, "tx-2", "Stolen");

    assertRegistrationRejected(outcome, WebAuthnRejection.DUPLICATE_CREDENTIAL_ID, "bob");
    assertThat(store.byId(new ByteArray(key.credentialId)).orElseThrow().username())
        .isEqualTo("alice");
  }

  @Test
  void registrationWhenConcurrentNodeStoredSameIdFirstThenUniqueConstraintRejects() {
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    register("alice", key, "tx-1");
    // Another node inserted the same id after this node's checks read the table.
    InMemoryWebAuthnStore racing =
        new InMemoryWebAuthnStore() {
          @Override
          public Optional<WebAuthnCredential> byId(ByteArray credentialId) {
            return Optional.empty();
          }
        };
    racing.credentials.putAll(store.credentials);
    WebAuthnService racingService =
        new WebAuthnService(
            WebAuthnSettings.secondFactor("example.com", "Crowd2FA", Set.of(ORIGIN)),
            racing.stores(),
            audit,
            WebAuthnTestSupport.DIRECT,
            engine::verifyWithLockout,
            clock,
            new SecureRandom());
    String options =
        racingService
            .startRegistration("bob", "Bob", "tx-2", CLIENT)
            .publicKeyCredentialCreationOptionsJson();

    RegistrationOutcome outcome =
        racingService.finishRegistration("bob", "tx-2", key.register(options), "Key", CLIENT);

    assertRegistrationRejected(outcome, WebAuthnRejection.DUPLICATE_CREDENTIAL_ID, "bob");
    assertThat(racing.credentials.get(new ByteArray(key.credentialId)).username())
        .isEqualTo("alice");
  }

  @Test
  void registrationWhenOriginForeignThenRejected() {
    SoftwareAuthenticator key = SoftwareAuthenticator.create("https://evil.example.com");

    assertRegistrationRejected(
        tryRegister("alice", key, "tx-1", "Key"), WebAuthnRejection.VERIFICATION_FAILED, "alice");
    assertThat(store.forUser("alice")).isEmpty();
  }

  @Test
  void registrationWhenChallengeReusedThenRejected() {
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    String options =
        service
            .startRegistration("alice", "Alice", "tx-1", CLIENT)
            .publicKeyCredentialCreationOptionsJson();
    String response = key.register(options);
    service.finishRegistration("alice", "tx-1", response, "Key", CLIENT);
    store.credentials.clear();

    RegistrationOutcome replay =
        service.finishRegistration("alice", "tx-1", response, "Key", CLIENT);

    assertRegistrationRejected(replay, WebAuthnRejection.CHALLENGE_NOT_FOUND, "alice");
  }

  @Test
  void registrationWhenNicknameHasControlCharactersThenRejected() {
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);

    assertRegistrationRejected(
        tryRegister("alice", key, "tx-1", "Key\u0000<script>"),
        WebAuthnRejection.INVALID_NICKNAME,
        "alice");
  }

  // ------------------------------------------------------------------ assertion

  @Test
  void assertionWhenSignedByRegisteredKeyThenVerifiedAndCounterPersisted() {
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    WebAuthnCredential registered = register("alice", key, "tx-1");
    clock.advance(Duration.ofMinutes(1));

    VerificationResult outcome = authenticate("alice", key, "tx-2");

    assertThat(outcome)
        .isEqualTo(new VerificationResult.Accepted(FactorType.WEBAUTHN, registered.id()));
    WebAuthnCredential stored = store.byId(new ByteArray(key.credentialId)).orElseThrow();
    assertThat(stored.signatureCount()).isEqualTo(1);
    assertThat(stored.lastUsedAt()).contains(clock.instant());
    AuditEvent event = audit.last(WebAuthnEvents.ASSERTION);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.detail()).contains("uv=false").contains("counter=1");
    assertThat(
            counters
                .find("alice", AttemptCounter.SECOND_FACTOR)
                .orElseThrow()
                .consecutiveFailures())
        .isZero();
  }

  @Test
  void assertionOptionsAllowOnlyTheUsersCredentialsAndCarryRpId() {
    SoftwareAuthenticator one = SoftwareAuthenticator.create(ORIGIN);
    SoftwareAuthenticator two = SoftwareAuthenticator.create(ORIGIN);
    register("alice", one, "tx-1");
    register("alice", two, "tx-2");
    register("bob", SoftwareAuthenticator.create(ORIGIN), "tx-3");

    AssertionStart.Started started =
        (AssertionStart.Started) service.startAssertion("alice", "tx-4", CLIENT);

    JsonNode publicKey =
        SoftwareAuthenticator.read(started.publicKeyCredentialRequestOptionsJson())
            .path("publicKey");
    assertThat(publicKey.path("rpId").asText()).isEqualTo("example.com");
    assertThat(publicKey.path("allowCredentials"))
        .extracting(n -> n.path("id").asText())
        .containsExactlyInAnyOrder(
            new ByteArray(one.credentialId).getBase64Url(),
            new ByteArray(two.credentialId).getBase64Url());
    assertThat(started.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
  }

  @Test
  void assertionWithEitherOfSeveralKeysIsVerified() {
    SoftwareAuthenticator one = SoftwareAuthenticator.create(ORIGIN);
    SoftwareAuthenticator two = SoftwareAuthenticator.create(ORIGIN);
    register("alice", one, "tx-1");
    register("alice", two, "tx-2");

    assertThat(authenticate("alice", two, "tx-3")).isInstanceOf(VerificationResult.Accepted.class);
    assertThat(authenticate("alice", one, "tx-4")).isInstanceOf(VerificationResult.Accepted.class);
  }

  @Test
  void startAssertionWhenNoUsableCredentialThenNoCredentials() {
    assertThat(service.startAssertion("carol", "tx-1", CLIENT))
        .isEqualTo(new AssertionStart.NoCredentials());
  }

  @Test
  void assertionWhenSignatureBadThenRejected() {
    SoftwareAuthenticator key = registered("alice");
    key.corruptSignature = true;

    assertAssertionRejected(
        authenticate("alice", key, "tx-2"), WebAuthnRejection.VERIFICATION_FAILED);
    assertThat(store.byId(new ByteArray(key.credentialId)).orElseThrow().signatureCount()).isZero();
  }

  @Test
  void assertionWhenSignatureIsPsychicZeroThenRejected() {
    SoftwareAuthenticator key = registered("alice");
    key.zeroSignature = true;

    assertAssertionRejected(
        authenticate("alice", key, "tx-2"), WebAuthnRejection.VERIFICATION_FAILED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example.com",
        "https://login.example.com:8443",
        "http://login.example.com",
        "null"
      })
  void assertionWhenOriginNotConfiguredThenRejected(String origin) {
    SoftwareAuthenticator key = registered("alice");
    key.origin = origin;

    assertAssertionRejected(
        authenticate("alice", key, "tx-2"), WebAuthnRejection.VERIFICATION_FAILED);
    assertThat(audit.last(WebAuthnEvents.ASSERTION).detail()).containsIgnoringCase("origin");
  }

  @Test
  void assertionWhenRpIdHashWrongThenRejected() {
    SoftwareAuthenticator key = registered("alice");
    key.rpIdOverride = "evil.com";

    assertAssertionRejected(
        authenticate("alice", key, "tx-2"), WebAuthnRejection.VERIFICATION_FAILED);
    assertThat(audit.last(WebAuthnEvents.ASSERTION).detail()).containsIgnoringCase("rp");
  }

  @Test
  void assertionWhenUserPresenceMissingThenRejected() {
    SoftwareAuthenticator key = registered("alice");
    key.flags = 0;

    assertAssertionRejected(
        authenticate("alice", key, "tx-2"), WebAuthnRejection.VERIFICATION_FAILED);
  }

  @Test
  void assertionWhenUserVerificationRequiredButNotPerformedThenRejected() {
    service = service(LockoutPolicy.DEFAULT, UserVerificationRequirement.REQUIRED);
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    key.flags = SoftwareAuthenticator.FLAG_UP | SoftwareAuthenticator.FLAG_UV;
    register("alice", key, "tx-1");
    key.flags = SoftwareAuthenticator.FLAG_UP;

    assertAssertionRejected(
        authenticate("alice", key, "tx-2"), WebAuthnRejection.VERIFICATION_FAILED);
    key.flags = SoftwareAuthenticator.FLAG_UP | SoftwareAuthenticator.FLAG_UV;
    assertThat(authenticate("alice", key, "tx-3")).isInstanceOf(VerificationResult.Accepted.class);
    assertThat(audit.last(WebAuthnEvents.ASSERTION).detail()).contains("uv=true");
  }

  @Test
  void assertionWhenChallengeReusedThenRejected() {
    SoftwareAuthenticator key = registered("alice");
    String options = startAssertion("alice", "tx-2");
    String response = key.assertion(options);
    assertThat(service.finishAssertion("alice", "tx-2", response, CLIENT))
        .isInstanceOf(VerificationResult.Accepted.class);

    VerificationResult replay = service.finishAssertion("alice", "tx-2", response, CLIENT);

    assertAssertionRejected(replay, WebAuthnRejection.CHALLENGE_NOT_FOUND);
  }

  @Test
  void assertionWhenChallengeFailedOnceThenItCannotBeRetried() {
    SoftwareAuthenticator key = registered("alice");
    String options = startAssertion("alice", "tx-2");
    key.corruptSignature = true;
    service.finishAssertion("alice", "tx-2", key.assertion(options), CLIENT);
    key.corruptSignature = false;

    assertAssertionRejected(
        service.finishAssertion("alice", "tx-2", key.assertion(options), CLIENT),
        WebAuthnRejection.CHALLENGE_NOT_FOUND);
  }

  @Test
  void assertionWhenChallengeExpiredThenRejected() {
    SoftwareAuthenticator key = registered("alice");
    String options = startAssertion("alice", "tx-2");
    clock.advance(Duration.ofMinutes(5));

    assertAssertionRejected(
        service.finishAssertion("alice", "tx-2", key.assertion(options), CLIENT),
        WebAuthnRejection.CHALLENGE_EXPIRED);
  }

  @Test
  void assertionJustBeforeExpiryIsVerified() {
    SoftwareAuthenticator key = registered("alice");
    String options = startAssertion("alice", "tx-2");
    clock.advance(Duration.ofMinutes(5).minusMillis(1));

    assertThat(service.finishAssertion("alice", "tx-2", key.assertion(options), CLIENT))
        .isInstanceOf(VerificationResult.Accepted.class);
  }

  @Test
  void assertionWhenFinishedUnderAnotherLoginTransactionThenRejected() {
    SoftwareAuthenticator key = registered("alice");
    String options = startAssertion("alice", "tx-victim");

    assertAssertionRejected(
        service.finishAssertion("alice", "tx-attacker", key.assertion(options), CLIENT),
        WebAuthnRejection.CHALLENGE_NOT_FOUND);
  }

  @Test
  void assertionWhenChallengeWasIssuedToAnotherUserThenRejected() {
    registered("alice");
    SoftwareAuthenticator mallorysKey = registered("mallory");
    String alicesOptions = startAssertion("alice", "tx-2");

    assertAssertionRejected(
        service.finishAssertion("mallory", "tx-2", mallorysKey.assertion(alicesOptions), CLIENT),
        WebAuthnRejection.CHALLENGE_OF_ANOTHER_USER,
        "mallory");
  }

  @Test
  void assertionWhenStartedAgainThenOnlyTheNewestChallengeCounts() {
    SoftwareAuthenticator key = registered("alice");
    String first = startAssertion("alice", "tx-2");
    String second = startAssertion("alice", "tx-2");

    assertAssertionRejected(
        service.finishAssertion("alice", "tx-2", key.assertion(first), CLIENT),
        WebAuthnRejection.VERIFICATION_FAILED);
    assertThat(SoftwareAuthenticator.challengeOf(first))
        .isNotEqualTo(SoftwareAuthenticator.challengeOf(second));
  }

  @Test
  void assertionWhenCounterGoesBackwardsThenCredentialMarkedClonedAndRejected() {
    SoftwareAuthenticator key = registered("alice");
    SoftwareAuthenticator clone = key.cloneKey();
    key.counter = 9;
    assertThat(authenticate("alice", key, "tx-2")).isInstanceOf(VerificationResult.Accepted.class);

    VerificationResult outcome = authenticate("alice", clone, "tx-3");

    assertAssertionRejected(outcome, WebAuthnRejection.SIGNATURE_COUNTER_REGRESSED);
    assertThat(store.byId(new ByteArray(key.credentialId)).orElseThrow().status())
        .isEqualTo(CredentialStatus.POSSIBLY_CLONED);
    AuditEvent clonedEvent = audit.last(WebAuthnEvents.CLONE_SUSPECTED);
    assertThat(clonedEvent.username()).isEqualTo("alice");
    assertThat(clonedEvent.detail()).contains("counter 1").contains("expected minimum 11");
    // The genuine key is refused as well until the user re-registers: we cannot tell which is
    // which.
    assertThat(engine.enrolledFactors("alice"))
        .extracting(EnrolledFactor::status)
        .containsExactly(FactorStatus.DISABLED);
    assertThat(authenticate("alice", key, "tx-4"))
        .isEqualTo(new VerificationResult.Disabled(FactorType.WEBAUTHN));
  }

  @Test
  void assertionWhenCredentialPossiblyClonedButUserHasAnotherKeyThenThatCredentialIsRefused() {
    SoftwareAuthenticator flagged = registered("alice");
    registered("alice");
    store.setStatus(new ByteArray(flagged.credentialId), CredentialStatus.POSSIBLY_CLONED);

    assertAssertionRejected(
        authenticate("alice", flagged, "tx-2"), WebAuthnRejection.CREDENTIAL_NOT_USABLE);
  }

  @Test
  void assertionWhenCountersStayZeroThenAccepted() {
    SoftwareAuthenticator passkey = registered("alice");
    passkey.counter = -1; // the authenticator increments before signing: it reports 0 each time

    assertThat(authenticate("alice", passkey, "tx-2"))
        .isInstanceOf(VerificationResult.Accepted.class);
    passkey.counter = -1;
    assertThat(authenticate("alice", passkey, "tx-3"))
        .isInstanceOf(VerificationResult.Accepted.class);
  }

  @Test
  void assertionWhenCredentialOfAnotherUserPresentedThenRejected() {
    registered("alice");
    SoftwareAuthenticator bobsKey = SoftwareAuthenticator.create(ORIGIN);
    register("bob", bobsKey, "tx-bob");
    String alicesOptions = startAssertion("alice", "tx-2");

    VerificationResult outcome =
        service.finishAssertion("alice", "tx-2", bobsKey.assertion(alicesOptions), CLIENT);

    assertAssertionRejected(outcome, WebAuthnRejection.CREDENTIAL_OF_ANOTHER_USER);
    assertThat(audit.last(WebAuthnEvents.ASSERTION).detail()).contains("belongs to bob");
  }

  @Test
  void assertionWhenCredentialUnknownThenRejected() {
    registered("alice");
    SoftwareAuthenticator stranger = SoftwareAuthenticator.create(ORIGIN);

    assertAssertionRejected(
        authenticate("alice", stranger, "tx-2"), WebAuthnRejection.UNKNOWN_CREDENTIAL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null", "{}", "[]", "true", "{\"type\":\"public-key\"}", "not json"})
  void assertionWhenResponseMalformedThenRejectedAndCounted(String response) {
    registered("alice");
    startAssertion("alice", "tx-2");

    VerificationResult outcome = service.finishAssertion("alice", "tx-2", response, CLIENT);

    assertAssertionRejected(outcome, WebAuthnRejection.MALFORMED_RESPONSE);
    assertThat(
            counters
                .find("alice", AttemptCounter.SECOND_FACTOR)
                .orElseThrow()
                .consecutiveFailures())
        .isEqualTo(1);
  }

  @Test
  void assertionWhenResponseNullOrHugeThenRejected() {
    registered("alice");
    startAssertion("alice", "tx-2");
    assertAssertionRejected(
        service.finishAssertion("alice", "tx-2", null, CLIENT),
        WebAuthnRejection.MALFORMED_RESPONSE);
    startAssertion("alice", "tx-3");
    assertAssertionRejected(
        service.finishAssertion("alice", "tx-3", "{\"id\":\"" + "A".repeat(70_000) + "\"}", CLIENT),
        WebAuthnRejection.MALFORMED_RESPONSE);
  }

  // ------------------------------------------------------------------ lockout

  @Test
  void failuresAreCountedBeforeVerificationAndLockAfterTheLimit() {
    SoftwareAuthenticator key = registered("alice");
    key.corruptSignature = true;
    for (int i = 0; i < 5; i++) {
      authenticate("alice", key, "tx-f" + i);
    }
    key.corruptSignature = false;

    VerificationResult locked = authenticate("alice", key, "tx-ok");

    assertThat(locked)
        .isEqualTo(new VerificationResult.LockedUntil(clock.instant().plusSeconds(30)));
    AuditEvent refused = audit.last(AuditEventType.LOCKOUT);
    assertThat(refused.username()).isEqualTo("alice");
    assertThat(refused.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(refused.detail()).contains("WEBAUTHN attempt refused");
    clock.advance(Duration.ofSeconds(30));
    assertThat(authenticate("alice", key, "tx-later"))
        .isInstanceOf(VerificationResult.Accepted.class);
  }

  @Test
  void hardCapOfConsecutiveFailuresDisablesTheUsersKeys() {
    service =
        service(
            new LockoutPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1), 3, 100),
            UserVerificationRequirement.DISCOURAGED);
    SoftwareAuthenticator key = registered("alice");
    key.corruptSignature = true;
    VerificationResult last = null;
    for (int i = 0; i < 3; i++) {
      last = authenticate("alice", key, "tx-f" + i);
      clock.advance(Duration.ofSeconds(2));
    }

    assertThat(last).isEqualTo(new VerificationResult.Disabled(FactorType.WEBAUTHN));
    assertThat(store.forUser("alice"))
        .extracting(WebAuthnCredential::status)
        .containsOnly(CredentialStatus.DISABLED);
    assertThat(audit.last(AuditEventType.FACTOR_DISABLED).detail())
        .contains("WEBAUTHN: 1 disabled");
    assertThat(service.startAssertion("alice", "tx-next", CLIENT))
        .isEqualTo(new AssertionStart.NoCredentials());
  }

  // ------------------------------------------------------------------ management

  @Test
  void engineListsRenamesAndRemovesWebAuthnCredentialsOfTheOwnerOnly() {
    WebAuthnCredential credential = register("alice", SoftwareAuthenticator.create(ORIGIN), "tx-1");
    UUID id = credential.id();

    assertThat(engine.enrolledFactors("alice"))
        .containsExactly(
            new EnrolledFactor(
                id,
                FactorType.WEBAUTHN,
                "YubiKey",
                FactorStatus.ACTIVE,
                credential.createdAt(),
                null));
    assertThat(engine.renameFactor("bob", FactorType.WEBAUTHN, id, "Mine now", CLIENT)).isFalse();
    assertThat(engine.removeFactor("bob", FactorType.WEBAUTHN, id, CLIENT)).isFalse();
    assertThat(engine.renameFactor("alice", FactorType.WEBAUTHN, id, "Blue key", CLIENT)).isTrue();
    assertThat(service.credentials("alice"))
        .extracting(WebAuthnCredential::nickname)
        .containsExactly("Blue key");
    assertThat(audit.last(AuditEventType.FACTOR_RENAMED).outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(engine.removeFactor("alice", FactorType.WEBAUTHN, id, CLIENT)).isTrue();
    assertThat(audit.last(AuditEventType.FACTOR_REMOVED).outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(service.credentials("alice")).isEmpty();
  }

  @Test
  void expiredChallengesAreRemoved() {
    startAssertion("alice", "tx-1");
    service.startRegistration("bob", "Bob", "tx-2", CLIENT);
    clock.advance(Duration.ofMinutes(5));
    startAssertion("carol", "tx-3");

    assertThat(service.removeExpiredChallenges()).isEqualTo(2);
    assertThat(store.ceremonies).hasSize(1);
  }

  // ------------------------------------------------------------------ helpers

  private SoftwareAuthenticator registered(String username) {
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    register(username, key, "tx-reg-" + username);
    return key;
  }

  private WebAuthnCredential register(String username, SoftwareAuthenticator key, String tx) {
    RegistrationOutcome outcome = tryRegister(username, key, tx, "YubiKey");
    assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
    return ((RegistrationOutcome.Registered) outcome).credential();
  }

  private RegistrationOutcome tryRegister(
      String username, SoftwareAuthenticator key, String tx, String nickname) {
    RegistrationStart start = service.startRegistration(username, username, tx, CLIENT);
    return service.finishRegistration(
        username,
        tx,
        key.register(start.publicKeyCredentialCreationOptionsJson()),
        nickname,
        CLIENT);
  }

  private String startAssertion(String username, String tx) {
    AssertionStart start = service.startAssertion(username, tx, CLIENT);
    if (start instanceof AssertionStart.Started started) {
      return started.publicKeyCredentialRequestOptionsJson();
    }
    // A user without keys still gets a ceremony in these tests, to attack it.
    store.save(
        new PendingCeremony(
            tx,
            CeremonyKind.ASSERTION,
            username,
            "{}",
            clock.instant(),
            clock.instant().plus(Duration.ofMinutes(5))));
    return "{}";
  }

  private VerificationResult authenticate(String username, SoftwareAuthenticator key, String tx) {
    String options = startAssertion(username, tx);
    return service.finishAssertion(username, tx, key.assertion(options), CLIENT);
  }

  private void assertAssertionRejected(VerificationResult outcome, WebAuthnRejection reason) {
    assertAssertionRejected(outcome, reason, "alice");
  }

  private void assertAssertionRejected(
      VerificationResult outcome, WebAuthnRejection reason, String user) {
    assertThat(outcome).isInstanceOf(VerificationResult.Rejected.class);
    AuditEvent event = audit.last(WebAuthnEvents.ASSERTION);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(event.username()).isEqualTo(user);
    assertThat(event.detail()).contains(reason.name() + ":");
  }

  private void assertRegistrationRejected(
      RegistrationOutcome outcome, WebAuthnRejection reason, String user) {
    assertThat(outcome).isInstanceOf(RegistrationOutcome.Rejected.class);
    assertThat(((RegistrationOutcome.Rejected) outcome).reason()).isEqualTo(reason);
    AuditEvent event = audit.last(WebAuthnEvents.REGISTRATION);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(event.username()).isEqualTo(user);
    assertThat(event.detail()).startsWith(reason.name());
  }
}
