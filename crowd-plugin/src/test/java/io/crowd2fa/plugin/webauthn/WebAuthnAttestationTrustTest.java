package io.crowd2fa.plugin.webauthn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.ByteArray;
import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.audit.RecordingAuditLog;
import io.crowd2fa.plugin.engine.RequestContext;
import io.crowd2fa.plugin.lockout.LockoutPolicy;
import io.crowd2fa.plugin.webauthn.SoftwareAuthenticator.Attestation;
import io.crowd2fa.plugin.webauthn.WebAuthnTestSupport.InMemoryLockoutRepository;
import io.crowd2fa.plugin.webauthn.WebAuthnTestSupport.MutableClock;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An organisation that lists its approved attestation roots gets only keys attested by them: the
 * spec of {@code crowd2fa.webauthn.attestation.trust-roots}.
 */
class WebAuthnAttestationTrustTest {
  static final String ORIGIN = "https://login.example.com";
  static final RequestContext CLIENT = new RequestContext("203.0.113.7", "JUnit");
  static final TestAttestationCa APPROVED_VENDOR = TestAttestationCa.root("Approved Vendor Root");
  static final TestAttestationCa OTHER_VENDOR = TestAttestationCa.root("Other Vendor Root");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final InMemoryWebAuthnStore store = new InMemoryWebAuthnStore();
  private final RecordingAuditLog audit = new RecordingAuditLog();

  private WebAuthnService service(Optional<AttestationTrustRoots> roots) {
    WebAuthnSettings settings =
        WebAuthnSettings.secondFactor("example.com", "Crowd2FA test", Set.of(ORIGIN));
    return service(roots.map(settings::requiringAttestationFrom).orElse(settings));
  }

  private WebAuthnService service(WebAuthnSettings settings) {
    return new WebAuthnService(
        settings,
        store.stores(),
        audit,
        WebAuthnTestSupport.DIRECT,
        WebAuthnTestSupport.engine(
                LockoutPolicy.DEFAULT, new InMemoryLockoutRepository(), audit, clock, store)
            ::verifyWithLockout,
        clock,
        new SecureRandom());
  }

  private final WebAuthnService trustingApprovedVendor =
      service(Optional.of(new AttestationTrustRoots(List.of(APPROVED_VENDOR.certificate))));

  @Test
  void registrationOptionsAskForDirectAttestationWhenATrustListIsConfigured() {
    String options =
        trustingApprovedVendor
            .startRegistration("alice", "Alice", "tx-1", CLIENT)
            .publicKeyCredentialCreationOptionsJson();

    assertThat(SoftwareAuthenticator.read(options).path("publicKey").path("attestation").asText())
        .isEqualTo("direct");
  }

  @Test
  void registrationWhenPackedAttestationChainsToAListedRootThenKeyRegisteredAndAuditedTrusted() {
    SoftwareAuthenticator key = SoftwareAuthenticator.attestedBy(APPROVED_VENDOR, ORIGIN);

    RegistrationOutcome outcome = register(trustingApprovedVendor, key);

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
    RegistrationOutcome.Registered registered = (RegistrationOutcome.Registered) outcome;
    assertThat(registered.attestationTrusted()).isTrue();
    assertThat(registered.credential().aaguid()).isEqualTo(new ByteArray(key.aaguid));
    assertThat(store.forUser("alice")).containsExactly(registered.credential());
    AuditEvent event = audit.last(WebAuthnEvents.REGISTRATION);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.detail()).contains("attestation trusted");
  }

  @Test
  void registrationWhenAnyOfSeveralListedRootsIssuedTheKeyThenRegistered() {
    WebAuthnService trustingBoth =
        service(
            Optional.of(
                new AttestationTrustRoots(
                    List.of(APPROVED_VENDOR.certificate, OTHER_VENDOR.certificate))));

    RegistrationOutcome outcome =
        register(trustingBoth, SoftwareAuthenticator.attestedBy(OTHER_VENDOR, ORIGIN));

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(audit.last(WebAuthnEvents.REGISTRATION).outcome()).isEqualTo(AuditOutcome.SUCCESS);
  }

  @Test
  void registrationWhenAttestationIsNoneThenRefusedAsNotTrusted() {
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);

    assertRefusedAsNotTrusted(register(trustingApprovedVendor, key));
    assertThat(audit.last(WebAuthnEvents.REGISTRATION).detail()).contains("format none");
  }

  @Test
  void registrationWhenSelfAttestationThenRefusedAsNotTrusted() {
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    key.attestation = Attestation.SELF;

    assertRefusedAsNotTrusted(register(trustingApprovedVendor, key));
  }

  @Test
  void registrationWhenChainLeadsToAnUnlistedRootThenRefusedAsNotTrusted() {
    SoftwareAuthenticator key = SoftwareAuthenticator.attestedBy(OTHER_VENDOR, ORIGIN);

    assertRefusedAsNotTrusted(register(trustingApprovedVendor, key));
    assertThat(audit.last(WebAuthnEvents.REGISTRATION).detail())
        .contains("format packed")
        .contains(new ByteArray(key.aaguid).getHex());
  }

  @Test
  void registrationWhenListedRootIsItselfSentAsTheAttestationCertificateThenRefused() {
    // A root is a CA certificate, and its private key is the vendor's: a key cannot present it.
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    key.attestation = Attestation.PACKED;
    key.attestationKey = APPROVED_VENDOR.keys;
    key.attestationChain = List.of(APPROVED_VENDOR.certificate);

    RegistrationOutcome outcome = register(trustingApprovedVendor, key);

    assertRefused(outcome, WebAuthnRejection.VERIFICATION_FAILED);
  }

  @Test
  void registrationWhenListedChainIsCopiedButStatementSignedByAnotherKeyThenRefused() {
    // An attacker can copy a genuine attestation certificate, but not its private key.
    SoftwareAuthenticator key = SoftwareAuthenticator.attestedBy(APPROVED_VENDOR, ORIGIN);
    key.attestationKey = TestAttestationCa.newKeyPair();

    RegistrationOutcome outcome = register(trustingApprovedVendor, key);

    assertRefused(outcome, WebAuthnRejection.VERIFICATION_FAILED);
  }

  @Test
  void registrationWhenAttestedKeyWasRefusedThenItsChallengeIsSpentAndRetryIsRefused() {
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    String options =
        trustingApprovedVendor
            .startRegistration("alice", "alice", "tx-1", CLIENT)
            .publicKeyCredentialCreationOptionsJson();
    trustingApprovedVendor.finishRegistration(
        "alice", "tx-1", key.register(options), "YubiKey", CLIENT);

    SoftwareAuthenticator approved = SoftwareAuthenticator.attestedBy(APPROVED_VENDOR, ORIGIN);
    RegistrationOutcome retry =
        trustingApprovedVendor.finishRegistration(
            "alice", "tx-1", approved.register(options), "YubiKey", CLIENT);

    assertRefused(retry, WebAuthnRejection.CHALLENGE_NOT_FOUND);
  }

  @Test
  void withoutATrustListNoneSelfAndUnknownVendorAttestationAreAllRegisteredAsBefore() {
    WebAuthnService recordingOnly = service(Optional.empty());
    SoftwareAuthenticator none = SoftwareAuthenticator.create(ORIGIN);
    SoftwareAuthenticator self = SoftwareAuthenticator.create(ORIGIN);
    self.attestation = Attestation.SELF;
    SoftwareAuthenticator unknownVendor = SoftwareAuthenticator.attestedBy(OTHER_VENDOR, ORIGIN);

    String options =
        recordingOnly
            .startRegistration("alice", "Alice", "tx-0", CLIENT)
            .publicKeyCredentialCreationOptionsJson();
    assertThat(SoftwareAuthenticator.read(options).path("publicKey").path("attestation").asText())
        .isEqualTo("none");
    for (SoftwareAuthenticator key : List.of(none, self, unknownVendor)) {
      RegistrationOutcome outcome = register(recordingOnly, key);
      assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
      assertThat(((RegistrationOutcome.Registered) outcome).attestationTrusted()).isFalse();
      AuditEvent event = audit.last(WebAuthnEvents.REGISTRATION);
      assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
      assertThat(event.detail()).doesNotContain("attestation trusted");
    }
    assertThat(store.forUser("alice")).hasSize(3);
  }

  @Test
  void settingsWithATrustListButNoAttestationRequestedAreRefused() {
    AttestationTrustRoots roots = new AttestationTrustRoots(List.of(APPROVED_VENDOR.certificate));
    WebAuthnSettings settings =
        WebAuthnSettings.secondFactor("example.com", "Crowd2FA", Set.of(ORIGIN));

    assertThatThrownBy(
            () ->
                new WebAuthnSettings(
                    settings.rpId(),
                    settings.rpName(),
                    settings.origins(),
                    settings.userVerification(),
                    AttestationConveyancePreference.NONE,
                    settings.challengeTimeout(),
                    Optional.of(roots),
                    Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attestation");
    assertThat(settings.requiringAttestationFrom(roots).attestation())
        .isEqualTo(AttestationConveyancePreference.DIRECT);
  }

  // ------------------------------------------------------------------ allowed models (AAGUIDs)

  @Test
  void registrationWhenTheAttestedModelIsOnTheAaguidAllowlistThenRegistered() {
    SoftwareAuthenticator key = SoftwareAuthenticator.attestedBy(APPROVED_VENDOR, ORIGIN);
    WebAuthnService service = onlyModels(Set.of(uuid(key.aaguid), UUID.randomUUID()));

    RegistrationOutcome outcome = register(service, key);

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(audit.last(WebAuthnEvents.REGISTRATION).outcome()).isEqualTo(AuditOutcome.SUCCESS);
  }

  @Test
  void registrationWhenAListedRootAttestsAModelNotOnTheAllowlistThenRefused() {
    SoftwareAuthenticator key = SoftwareAuthenticator.attestedBy(APPROVED_VENDOR, ORIGIN);
    UUID allowed = UUID.randomUUID();

    RegistrationOutcome outcome = register(onlyModels(Set.of(allowed)), key);

    assertRefused(outcome, WebAuthnRejection.AUTHENTICATOR_MODEL_NOT_ALLOWED);
    assertThat(audit.last(WebAuthnEvents.REGISTRATION).detail())
        .contains("aaguid " + uuid(key.aaguid) + " is not on the allowlist");
  }

  @Test
  void registrationWhenAnUnattestedKeyClaimsAnAllowedAaguidThenRefused() {
    // Any software can write any AAGUID into its authenticator data; only attestation vouches.
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    key.attestation = Attestation.SELF;
    key.aaguid = SoftwareAuthenticator.attestedBy(APPROVED_VENDOR, ORIGIN).aaguid;

    RegistrationOutcome outcome = register(onlyModels(Set.of(uuid(key.aaguid))), key);

    assertRefused(outcome, WebAuthnRejection.ATTESTATION_NOT_TRUSTED);
  }

  @Test
  void settingsWithAnAaguidAllowlistButNoTrustRootsAreRefused() {
    WebAuthnSettings settings =
        WebAuthnSettings.secondFactor("example.com", "Crowd2FA", Set.of(ORIGIN));

    assertThatThrownBy(() -> settings.allowingOnlyModels(Set.of(UUID.randomUUID())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs attestation trust roots");
  }

  private WebAuthnService onlyModels(Set<UUID> aaguids) {
    WebAuthnSettings settings =
        WebAuthnSettings.secondFactor("example.com", "Crowd2FA test", Set.of(ORIGIN))
            .requiringAttestationFrom(
                new AttestationTrustRoots(List.of(APPROVED_VENDOR.certificate)))
            .allowingOnlyModels(aaguids);
    return service(settings);
  }

  private static UUID uuid(byte[] aaguid) {
    ByteBuffer bytes = ByteBuffer.wrap(aaguid);
    return new UUID(bytes.getLong(), bytes.getLong());
  }

  // ------------------------------------------------------------------ helpers

  private int transactions;

  private RegistrationOutcome register(WebAuthnService service, SoftwareAuthenticator key) {
    String tx = "tx-" + ++transactions;
    RegistrationStart start = service.startRegistration("alice", "alice", tx, CLIENT);
    return service.finishRegistration(
        "alice", tx, key.register(start.publicKeyCredentialCreationOptionsJson()), "Key", CLIENT);
  }

  private void assertRefusedAsNotTrusted(RegistrationOutcome outcome) {
    assertRefused(outcome, WebAuthnRejection.ATTESTATION_NOT_TRUSTED);
    assertThat(audit.last(WebAuthnEvents.REGISTRATION).detail())
        .contains("attestation not trusted");
  }

  private void assertRefused(RegistrationOutcome outcome, WebAuthnRejection reason) {
    assertThat(outcome).isInstanceOf(RegistrationOutcome.Rejected.class);
    assertThat(((RegistrationOutcome.Rejected) outcome).reason()).isEqualTo(reason);
    assertThat(store.forUser("alice")).isEmpty();
    AuditEvent event = audit.last(WebAuthnEvents.REGISTRATION);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(event.username()).isEqualTo("alice");
    assertThat(event.detail()).startsWith(reason.name() + ":");
  }
}
