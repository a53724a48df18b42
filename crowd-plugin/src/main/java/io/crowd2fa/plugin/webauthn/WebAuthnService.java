package io.crowd2fa.plugin.webauthn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.attestation.AttestationTrustSource;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.exception.AssertionFailedException;
import com.yubico.webauthn.exception.InvalidSignatureCountException;
import com.yubico.webauthn.exception.RegistrationFailedException;
import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditLog;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.engine.EngineFault;
import io.crowd2fa.plugin.engine.FactorCheckOutcome;
import io.crowd2fa.plugin.engine.FactorType;
import io.crowd2fa.plugin.engine.RequestContext;
import io.crowd2fa.plugin.engine.TransactionRunner;
import io.crowd2fa.plugin.engine.VerificationResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Security keys and passkeys as a second factor, on Yubico's {@link RelyingParty}. Yubico checks
 * the ceremony; this class owns what the library leaves to the relying party: challenges stored
 * server-side, bound to the login transaction, single-use and short-lived; credential-id
 * uniqueness; counter persistence and clone response; audit. Attempts are counted, and lockout
 * applied, by the engine ({@link SecondFactorGuard}).
 */
public final class WebAuthnService {

  /** Random user handles: 32 bytes (WebAuthn allows at most 64). */
  static final int USER_HANDLE_BYTES = 32;

  private final WebAuthnSettings settings;
  private final WebAuthnStores stores;
  private final AuditLog audit;
  private final SecondFactorGuard guard;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final SecureRandom random;
  private final RelyingParty relyingParty;

  public WebAuthnService(
      WebAuthnSettings settings,
      WebAuthnStores stores,
      AuditLog audit,
      TransactionRunner transactions,
      SecondFactorGuard guard,
      Clock clock,
      SecureRandom random) {
    this.settings = settings;
    this.stores = stores;
    this.audit = audit;
    this.guard = guard;
    this.transactions = transactions;
    this.clock = clock;
    this.random = random;
    this.relyingParty = relyingParty(settings, stores, clock);
  }

  /** The library configured as this service uses it (also measured by the JMH benchmark). */
  static RelyingParty relyingParty(WebAuthnSettings settings, WebAuthnStores stores, Clock clock) {
    return RelyingParty.builder()
        .identity(
            RelyingPartyIdentity.builder().id(settings.rpId()).name(settings.rpName()).build())
        .credentialRepository(
            new YubicoCredentialRepository(stores.credentials(), stores.userHandles()))
        .origins(settings.origins())
        .attestationConveyancePreference(settings.attestation())
        // Without a trust list attestation is recorded, not enforced; with one, the library
        // refuses every registration whose attestation does not chain to a listed root.
        .attestationTrustSource(
            settings.attestationTrustRoots().map(AttestationTrustSource.class::cast))
        .allowUntrustedAttestation(settings.attestationTrustRoots().isEmpty())
        .allowOriginPort(false)
        .allowOriginSubdomain(false)
        .validateSignatureCounter(true)
        .clock(clock)
        .build();
  }

  // ---------------------------------------------------------------- registration

  /**
   * Starts registering a new credential for an already authenticated user. The options exclude the
   * user's existing credentials. Starting again in the same transaction replaces the earlier
   * challenge.
   */
  public RegistrationStart startRegistration(
      String username, String displayName, String loginTransactionId, RequestContext context) {
    PendingCeremony.requireTransactionId(loginTransactionId);
    return transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          PublicKeyCredentialCreationOptions options =
              relyingParty.startRegistration(
                  StartRegistrationOptions.builder()
                      .user(
                          UserIdentity.builder()
                              .name(username)
                              .displayName(
                                  displayName == null || displayName.isBlank()
                                      ? username
                                      : displayName)
                              .id(userHandleFor(username))
                              .build())
                      .authenticatorSelection(
                          AuthenticatorSelectionCriteria.builder()
                              .residentKey(ResidentKeyRequirement.DISCOURAGED)
                              .userVerification(settings.userVerification())
                              .build())
                      .timeout(settings.challengeTimeout().toMillis())
                      .build());
          Instant expiresAt = now.plus(settings.challengeTimeout());
          stores
              .challenges()
              .save(
                  new PendingCeremony(
                      loginTransactionId,
                      CeremonyKind.REGISTRATION,
                      username,
                      json(options::toJson),
                      now,
                      expiresAt));
          record(
              now,
              username,
              context,
              WebAuthnEvents.REGISTRATION_STARTED,
              AuditOutcome.SUCCESS,
              "");
          return new RegistrationStart(json(options::toCredentialsCreateJson), expiresAt);
        });
  }

  /** Verifies the browser's response and stores the new credential under {@code nickname}. */
  public RegistrationOutcome finishRegistration(
      String username,
      String loginTransactionId,
      String responseJson,
      String nickname,
      RequestContext context) {
    PendingCeremony.requireTransactionId(loginTransactionId);
    return transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          RegistrationOutcome outcome =
              register(username, loginTransactionId, responseJson, nickname, now);
          if (outcome instanceof RegistrationOutcome.Registered registered) {
            record(
                now,
                username,
                context,
                WebAuthnEvents.REGISTRATION,
                AuditOutcome.SUCCESS,
                "registered credential "
                    + shortId(registered.credential().credentialId())
                    + (registered.attestationTrusted() ? "; attestation trusted" : ""));
          } else {
            RegistrationOutcome.Rejected rejected = (RegistrationOutcome.Rejected) outcome;
            record(
                now,
                username,
                context,
                WebAuthnEvents.REGISTRATION,
                AuditOutcome.FAILURE,
                rejected.reason() + ": " + rejected.detail());
          }
          return outcome;
        });
  }

  private RegistrationOutcome register(
      String username, String transactionId, String responseJson, String nickname, Instant now) {
    // Consumed first, whatever follows: a challenge is never usable twice.
    Optional<PendingCeremony> pending =
        stores.challenges().consume(transactionId, CeremonyKind.REGISTRATION);
    Optional<RegistrationOutcome.Rejected> unusable =
        unusableCeremony(pending, username, now)
            .map(r -> new RegistrationOutcome.Rejected(r, "registration ceremony"));
    if (unusable.isPresent()) {
      return unusable.get();
    }
    try {
      WebAuthnCredential.requireNickname(nickname);
    } catch (IllegalArgumentException e) {
      return new RegistrationOutcome.Rejected(WebAuthnRejection.INVALID_NICKNAME, e.getMessage());
    }
    PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs>
        response;
    try {
      response = YubicoJson.registrationResponse(bounded(responseJson));
    } catch (IOException | IllegalArgumentException e) {
      return new RegistrationOutcome.Rejected(WebAuthnRejection.MALFORMED_RESPONSE, oneLine(e));
    }
    if (response == null) {
      return new RegistrationOutcome.Rejected(WebAuthnRejection.MALFORMED_RESPONSE, "JSON null");
    }
    if (stores.credentials().byId(response.getId()).isPresent()) {
      return new RegistrationOutcome.Rejected(
          WebAuthnRejection.DUPLICATE_CREDENTIAL_ID, "credential " + shortId(response.getId()));
    }
    PublicKeyCredentialCreationOptions request =
        stored(() -> YubicoJson.creationOptions(pending.get().requestJson()));
    RegistrationResult result;
    try {
      result =
          relyingParty.finishRegistration(
              FinishRegistrationOptions.builder().request(request).response(response).build());
    } catch (RegistrationFailedException e) {
      WebAuthnRejection reason = registrationRejection(e);
      return new RegistrationOutcome.Rejected(
          reason,
          reason == WebAuthnRejection.ATTESTATION_NOT_TRUSTED
              ? untrustedAttestation(response.getResponse())
              : oneLine(e));
    }
    Optional<RegistrationOutcome.Rejected> model = unlistedModel(result);
    if (model.isPresent()) {
      return model.get();
    }
    WebAuthnCredential credential =
        credentialOf(result, request, username, nickname, randomUuid(), now);
    if (!stores.credentials().insert(credential)) {
      return new RegistrationOutcome.Rejected(
          WebAuthnRejection.DUPLICATE_CREDENTIAL_ID,
          "credential " + shortId(credential.credentialId()) + " registered concurrently");
    }
    return new RegistrationOutcome.Registered(credential, result.isAttestationTrusted());
  }

  /**
   * The library's own wording for its last registration step, the attestation trust check (step 21
   * of WebAuthn §7.1), which runs only after every signature has verified. The library offers no
   * other way to tell that step apart; a new wording would only make the reason the generic
   * VERIFICATION_FAILED (still refused), and the attestation tests would fail on it.
   */
  static final String UNTRUSTED_ATTESTATION_MESSAGE = "Failed to derive trust for attestation key.";

  private WebAuthnRejection registrationRejection(RegistrationFailedException e) {
    boolean untrusted =
        settings.attestationTrustRoots().isPresent()
            && e.getCause() != null
            && UNTRUSTED_ATTESTATION_MESSAGE.equals(e.getCause().getMessage());
    return untrusted
        ? WebAuthnRejection.ATTESTATION_NOT_TRUSTED
        : WebAuthnRejection.VERIFICATION_FAILED;
  }

  /**
   * The allowlist is checked after the library: only a trusted attestation signature vouches for
   * the AAGUID in the authenticator data.
   */
  private Optional<RegistrationOutcome.Rejected> unlistedModel(RegistrationResult result) {
    if (settings.allowedAaguids().isEmpty()) {
      return Optional.empty();
    }
    Optional<UUID> aaguid = uuidOf(result.getAaguid());
    if (result.isAttestationTrusted()
        && aaguid.isPresent()
        && settings.allowedAaguids().contains(aaguid.get())) {
      return Optional.empty();
    }
    return Optional.of(
        new RegistrationOutcome.Rejected(
            WebAuthnRejection.AUTHENTICATOR_MODEL_NOT_ALLOWED,
            "aaguid "
                + aaguid.map(UUID::toString).orElse(result.getAaguid().getHex())
                + " is not on the allowlist"));
  }

  private static Optional<UUID> uuidOf(ByteArray aaguid) {
    if (aaguid.size() != 16) {
      return Optional.empty();
    }
    ByteBuffer bytes = ByteBuffer.wrap(aaguid.getBytes());
    return Optional.of(new UUID(bytes.getLong(), bytes.getLong()));
  }

  /** What an administrator needs to decide whether to list the key's vendor. */
  private static String untrustedAttestation(AuthenticatorAttestationResponse response) {
    String aaguid =
        response
            .getAttestation()
            .getAuthenticatorData()
            .getAttestedCredentialData()
            .map(data -> data.getAaguid().getHex())
            .orElse("none");
    return "attestation not trusted (format "
        + response.getAttestation().getFormat()
        + ", aaguid "
        + aaguid
        + ") by the configured trust roots";
  }

  private static WebAuthnCredential credentialOf(
      RegistrationResult result,
      PublicKeyCredentialCreationOptions request,
      String username,
      String nickname,
      UUID id,
      Instant now) {
    Set<String> transports =
        result.getKeyId().getTransports().stream()
            .flatMap(Set::stream)
            .map(AuthenticatorTransport::getId)
            .collect(Collectors.toUnmodifiableSet());
    return new WebAuthnCredential(
        id,
        result.getKeyId().getId(),
        username,
        request.getUser().getId(),
        result.getPublicKeyCose(),
        result.getSignatureCount(),
        result.getAaguid(),
        transports,
        result.isBackupEligible(),
        result.isBackedUp(),
        nickname,
        CredentialStatus.ACTIVE,
        now,
        Optional.empty());
  }

  // ---------------------------------------------------------------- assertion

  /** Starts a sign-in with one of the user's credentials, for the given login transaction. */
  public AssertionStart startAssertion(
      String username, String loginTransactionId, RequestContext context) {
    PendingCeremony.requireTransactionId(loginTransactionId);
    return transactions.inTransaction(
        () -> {
          if (stores.credentials().forUser(username).stream()
              .noneMatch(WebAuthnCredential::usable)) {
            return new AssertionStart.NoCredentials();
          }
          Instant now = clock.instant();
          AssertionRequest request =
              relyingParty.startAssertion(
                  StartAssertionOptions.builder()
                      .username(username)
                      .userVerification(settings.userVerification())
                      .timeout(settings.challengeTimeout().toMillis())
                      .build());
          Instant expiresAt = now.plus(settings.challengeTimeout());
          stores
              .challenges()
              .save(
                  new PendingCeremony(
                      loginTransactionId,
                      CeremonyKind.ASSERTION,
                      username,
                      json(request::toJson),
                      now,
                      expiresAt));
          return new AssertionStart.Started(json(request::toCredentialsGetJson), expiresAt);
        });
  }

  /**
   * Verifies a sign-in through the engine's guard: the attempt is counted against the user's
   * second-factor limit before anything is verified, the challenge is consumed before the outcome
   * is known, and both commit with the outcome's audit event in one transaction.
   */
  public VerificationResult finishAssertion(
      String username, String loginTransactionId, String responseJson, RequestContext context) {
    PendingCeremony.requireTransactionId(loginTransactionId);
    return guard.verifyWithLockout(
        username,
        FactorType.WEBAUTHN,
        WebAuthnEvents.ASSERTION,
        context,
        now -> check(username, loginTransactionId, responseJson, context, now));
  }

  private FactorCheckOutcome check(
      String username,
      String transactionId,
      String responseJson,
      RequestContext context,
      Instant now) {
    Optional<PendingCeremony> pending =
        stores.challenges().consume(transactionId, CeremonyKind.ASSERTION);
    Optional<WebAuthnRejection> unusable = unusableCeremony(pending, username, now);
    if (unusable.isPresent()) {
      return rejected(unusable.get(), "assertion ceremony");
    }
    PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> response;
    try {
      response = YubicoJson.assertionResponse(bounded(responseJson));
    } catch (IOException | IllegalArgumentException e) {
      return rejected(WebAuthnRejection.MALFORMED_RESPONSE, oneLine(e));
    }
    if (response == null) {
      return rejected(WebAuthnRejection.MALFORMED_RESPONSE, "JSON null");
    }
    Optional<WebAuthnCredential> stored = stores.credentials().byId(response.getId());
    Optional<FactorCheckOutcome> refused = refusedCredential(stored, username, response.getId());
    if (refused.isPresent()) {
      return refused.get();
    }
    AssertionRequest request =
        stored(() -> YubicoJson.assertionRequest(pending.get().requestJson()));
    try {
      AssertionResult result =
          relyingParty.finishAssertion(
              FinishAssertionOptions.builder().request(request).response(response).build());
      if (!result.isSuccess() || !username.equals(result.getUsername())) {
        return rejected(WebAuthnRejection.VERIFICATION_FAILED, "not successful for this user");
      }
      stores
          .credentials()
          .recordUse(
              result.getCredentialId(), result.getSignatureCount(), result.isBackedUp(), now);
      return new FactorCheckOutcome.Match(
          stored.get().id(),
          "credential "
              + shortId(result.getCredentialId())
              + " uv="
              + result.isUserVerified()
              + " counter="
              + result.getSignatureCount());
    } catch (InvalidSignatureCountException e) {
      return cloneSuspected(username, context, now, e);
    } catch (AssertionFailedException e) {
      return rejected(WebAuthnRejection.VERIFICATION_FAILED, oneLine(e));
    }
  }

  private FactorCheckOutcome cloneSuspected(
      String username, RequestContext context, Instant now, InvalidSignatureCountException e) {
    stores.credentials().setStatus(e.getCredentialId(), CredentialStatus.POSSIBLY_CLONED);
    record(
        now,
        username,
        context,
        WebAuthnEvents.CLONE_SUSPECTED,
        AuditOutcome.FAILURE,
        "credential "
            + shortId(e.getCredentialId())
            + " counter "
            + e.getReceived()
            + " < expected minimum "
            + e.getExpectedMinimum()
            + "; marked possibly cloned");
    return new FactorCheckOutcome.Replay(
        WebAuthnRejection.SIGNATURE_COUNTER_REGRESSED
            + ": received "
            + e.getReceived()
            + ", expected at least "
            + e.getExpectedMinimum());
  }

  private static Optional<FactorCheckOutcome> refusedCredential(
      Optional<WebAuthnCredential> stored, String username, ByteArray presentedId) {
    if (stored.isEmpty()) {
      return Optional.of(
          rejected(WebAuthnRejection.UNKNOWN_CREDENTIAL, "credential " + shortId(presentedId)));
    }
    if (!stored.get().username().equals(username)) {
      return Optional.of(
          rejected(
              WebAuthnRejection.CREDENTIAL_OF_ANOTHER_USER,
              "credential " + shortId(presentedId) + " belongs to " + stored.get().username()));
    }
    if (!stored.get().usable()) {
      return Optional.of(
          rejected(
              WebAuthnRejection.CREDENTIAL_NOT_USABLE,
              "credential " + shortId(presentedId) + " is " + stored.get().status()));
    }
    return Optional.empty();
  }

  /** The engine's outcome kinds; the precise WebAuthn reason leads the audit detail. */
  private static FactorCheckOutcome rejected(WebAuthnRejection reason, String detail) {
    String text = reason + ": " + detail;
    return switch (reason) {
      case CHALLENGE_NOT_FOUND, SIGNATURE_COUNTER_REGRESSED -> new FactorCheckOutcome.Replay(text);
      case MALFORMED_RESPONSE -> new FactorCheckOutcome.Malformed(text);
      default -> new FactorCheckOutcome.NoMatch(text);
    };
  }

  // ---------------------------------------------------------------- management

  /** The user's credentials with their WebAuthn details (the engine lists them as factors). */
  public List<WebAuthnCredential> credentials(String username) {
    return transactions.inTransaction(() -> stores.credentials().forUser(username));
  }

  /** Housekeeping: deletes abandoned ceremonies. */
  public int removeExpiredChallenges() {
    return transactions.inTransaction(() -> stores.challenges().removeExpired(clock.instant()));
  }

  // ---------------------------------------------------------------- helpers

  private static Optional<WebAuthnRejection> unusableCeremony(
      Optional<PendingCeremony> pending, String username, Instant now) {
    if (pending.isEmpty()) {
      return Optional.of(WebAuthnRejection.CHALLENGE_NOT_FOUND);
    }
    if (pending.get().expiredAt(now)) {
      return Optional.of(WebAuthnRejection.CHALLENGE_EXPIRED);
    }
    if (!pending.get().username().equals(username)) {
      return Optional.of(WebAuthnRejection.CHALLENGE_OF_ANOTHER_USER);
    }
    return Optional.empty();
  }

  private UUID randomUuid() {
    return new UUID(random.nextLong(), random.nextLong());
  }

  private ByteArray userHandleFor(String username) {
    Optional<ByteArray> existing = stores.userHandles().find(username);
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] handle = new byte[USER_HANDLE_BYTES];
    random.nextBytes(handle);
    return stores.userHandles().storeIfAbsent(username, new ByteArray(handle));
  }

  private void record(
      Instant at,
      String username,
      RequestContext context,
      AuditEventType type,
      AuditOutcome outcome,
      String detail) {
    audit.append(
        AuditEvent.of(
            at, username, context.clientAddress(), context.userAgent(), type, outcome, detail));
  }

  /** Browser responses are a few kilobytes; refuse to parse anything far larger. */
  private static String bounded(String json) throws IOException {
    if (json == null || json.length() > 64 * 1024) {
      throw new IOException("response missing or larger than 64 KiB");
    }
    return json;
  }

  /** A credential id prefix is enough to tell keys apart in the audit log. */
  private static String shortId(ByteArray id) {
    String b64 = id.getBase64Url();
    return b64.length() <= 12 ? b64 : b64.substring(0, 12) + "…";
  }

  private static String oneLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    return message.replaceAll("[\\r\\n\\t]+", " ");
  }

  private interface StoredRead<T> {
    T read() throws IOException;
  }

  /** Stored requests were written by this service; one that does not read back is a fault. */
  private static <T> T stored(StoredRead<T> read) {
    try {
      return read.read();
    } catch (IOException e) {
      throw new EngineFault("stored WebAuthn request cannot be read", e);
    }
  }

  private interface JsonWork<T> {
    T run() throws JsonProcessingException;
  }

  private static <T> T json(JsonWork<T> work) {
    try {
      return work.run();
    } catch (JsonProcessingException e) {
      throw new EngineFault("WebAuthn options (de)serialisation failed", e);
    }
  }
}
