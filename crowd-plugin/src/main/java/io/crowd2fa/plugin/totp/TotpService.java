package io.crowd2fa.plugin.totp;

import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.util.Utils;
import io.crowd2fa.plugin.crypto.SecretBox;
import io.crowd2fa.plugin.engine.EngineFault;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.commons.codec.binary.Base32;

/** Enrolment and verification of TOTP credentials (RFC 6238). */
public final class TotpService {

  private static final Base32 BASE32 = new Base32();

  private final TotpSettings settings;
  private final TotpCredentialRepository repository;
  private final SecretBox secretBox;
  private final SecureRandom random;

  public TotpService(
      TotpSettings settings,
      TotpCredentialRepository repository,
      SecretBox secretBox,
      SecureRandom random) {
    this.settings = settings;
    this.repository = repository;
    this.secretBox = secretBox;
    this.random = random;
  }

  /** Step one: a new secret, stored sealed and pending until {@link #finishEnrolment}. */
  public TotpEnrolment startEnrolment(String username, String nickname, Instant now) {
    TotpParameters parameters = settings.parameters();
    byte[] secret = new byte[parameters.algorithm().secretBytes()];
    random.nextBytes(secret);
    UUID id = new UUID(random.nextLong(), random.nextLong());
    String sealed = secretBox.seal(secret, TotpCredential.sealContext(id));
    String base32 = base32(secret);
    Arrays.fill(secret, (byte) 0);
    Instant expiresAt = now.plus(settings.enrolmentTimeout());
    TotpCredential pending =
        new TotpCredential(
            id,
            username,
            nickname,
            parameters,
            sealed,
            TotpCredentialStatus.PENDING,
            now,
            expiresAt,
            null,
            null,
            null);
    repository.insert(pending);
    QrData qr =
        new QrData.Builder()
            .label(settings.issuer() + ":" + username)
            .issuer(settings.issuer())
            .secret(base32)
            .algorithm(parameters.algorithm().hashing())
            .digits(parameters.digits())
            .period(parameters.periodSeconds())
            .build();
    return new TotpEnrolment(id, pending.nickname(), base32, qr.getUri(), qrDataUri(qr), expiresAt);
  }

  /** Step two: a valid code from the app activates the credential. */
  public TotpEnrolmentCheck finishEnrolment(
      String username, UUID credentialId, String code, Instant now) {
    Optional<TotpCredential> found = repository.find(username, credentialId);
    if (found.isEmpty() || found.get().status() != TotpCredentialStatus.PENDING) {
      return new TotpEnrolmentCheck.UnknownEnrolment();
    }
    TotpCredential pending = found.get();
    if (pending.expiredAt(now)) {
      return new TotpEnrolmentCheck.Expired();
    }
    OtpInput.Parsed parsed = OtpInput.parse(code);
    if (parsed instanceof OtpInput.Malformed malformed) {
      return new TotpEnrolmentCheck.Malformed(malformed.reason());
    }
    OptionalLong step = match(pending, ((OtpInput.Digits) parsed).value(), now);
    if (step.isEmpty()) {
      return new TotpEnrolmentCheck.WrongCode();
    }
    if (!repository.activate(credentialId, step.getAsLong(), now)) {
      return new TotpEnrolmentCheck.Expired();
    }
    return new TotpEnrolmentCheck.Activated(repository.find(username, credentialId).orElseThrow());
  }

  /**
   * Checks {@code code} against every active credential of the user and consumes the matched step
   * atomically. Must run inside the caller's transaction together with the attempt count.
   */
  public TotpCheck verify(String username, String code, Instant now) {
    List<TotpCredential> active = repository.active(username);
    if (active.isEmpty()) {
      return repository.enrolled(username).isEmpty()
          ? new TotpCheck.NotEnrolled()
          : new TotpCheck.Disabled();
    }
    OtpInput.Parsed parsed = OtpInput.parse(code);
    if (parsed instanceof OtpInput.Malformed malformed) {
      return new TotpCheck.Malformed(malformed.reason());
    }
    String digits = ((OtpInput.Digits) parsed).value();
    TotpCheck outcome = new TotpCheck.NoMatch();
    for (TotpCredential credential : active) {
      OptionalLong step = match(credential, digits, now);
      if (step.isPresent() && !(outcome instanceof TotpCheck.Accepted)) {
        outcome = consume(credential, step.getAsLong(), now);
      }
    }
    return outcome;
  }

  private TotpCheck consume(TotpCredential credential, long step, Instant now) {
    if (repository.acceptStep(credential.id(), step, now)) {
      return new TotpCheck.Accepted(credential.id(), step);
    }
    long lastUsed =
        repository
            .find(credential.username(), credential.id())
            .map(TotpCredential::lastUsedStep)
            .orElse(step);
    return new TotpCheck.Replayed(credential.id(), step, lastUsed);
  }

  private OptionalLong match(TotpCredential credential, String digits, Instant now) {
    if (digits.length() != credential.parameters().digits()) {
      return OptionalLong.empty();
    }
    byte[] secret =
        secretBox.open(credential.sealedSecret(), TotpCredential.sealContext(credential.id()));
    try {
      TotpCodes codes = new TotpCodes(credential.parameters());
      long currentStep = credential.parameters().timeStep(now.getEpochSecond());
      return codes.matchingStep(base32(secret), digits, currentStep, settings.allowedDrift());
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static String base32(byte[] secret) {
    return new String(BASE32.encode(secret), StandardCharsets.US_ASCII).replace("=", "");
  }

  private static String qrDataUri(QrData qr) {
    ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
    try {
      return Utils.getDataUriForImage(generator.generate(qr), generator.getImageMimeType());
    } catch (QrGenerationException e) {
      throw new EngineFault("QR code generation failed", e);
    }
  }
}
