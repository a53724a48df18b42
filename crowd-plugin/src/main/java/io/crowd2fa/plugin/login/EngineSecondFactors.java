package io.crowd2fa.plugin.login;

import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.plugin.engine.CounterStatus;
import io.crowd2fa.plugin.engine.EnrolledFactor;
import io.crowd2fa.plugin.engine.EnrolmentResult;
import io.crowd2fa.plugin.engine.FactorRemoval;
import io.crowd2fa.plugin.engine.FactorStatus;
import io.crowd2fa.plugin.engine.FactorType;
import io.crowd2fa.plugin.engine.LockoutStatus;
import io.crowd2fa.plugin.engine.RequestContext;
import io.crowd2fa.plugin.engine.TwoFactorEngine;
import io.crowd2fa.plugin.engine.VerificationResult;
import io.crowd2fa.plugin.recovery.RecoveryCodes;
import io.crowd2fa.plugin.totp.TotpEnrolment;
import io.crowd2fa.plugin.webauthn.AssertionStart;
import io.crowd2fa.plugin.webauthn.RegistrationOutcome;
import io.crowd2fa.plugin.webauthn.RegistrationStart;
import io.crowd2fa.plugin.webauthn.WebAuthnService;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@link SecondFactors} over ENGINE-CORE's {@link TwoFactorEngine} and ENGINE-WEBAUTHN-POLICY's
 * {@link WebAuthnService}.
 */
public final class EngineSecondFactors implements SecondFactors {

  private final TwoFactorEngine engine;
  private final WebAuthnService webAuthn;

  public EngineSecondFactors(TwoFactorEngine engine, WebAuthnService webAuthn) {
    this.engine = engine;
    this.webAuthn = webAuthn;
  }

  @Override
  public Optional<String> startSecurityKey(String username, String loginId, ClientInfo client) {
    AssertionStart start = webAuthn.startAssertion(username, loginId, context(client));
    return start instanceof AssertionStart.Started started
        ? Optional.of(started.publicKeyCredentialRequestOptionsJson())
        : Optional.empty();
  }

  @Override
  public FactorCheck verifySecurityKey(
      String username, String loginId, String responseJson, ClientInfo client) {
    return check(
        webAuthn.finishAssertion(username, loginId, responseJson, context(client)),
        username,
        LockoutStatus::secondFactor);
  }

  @Override
  public String startSecurityKeyRegistration(String username, String loginId, ClientInfo client) {
    RegistrationStart start =
        webAuthn.startRegistration(username, username, loginId, context(client));
    return start.publicKeyCredentialCreationOptionsJson();
  }

  @Override
  public EnrolmentCheck finishSecurityKeyRegistration(
      String username, String loginId, String responseJson, String nickname, ClientInfo client) {
    RegistrationOutcome outcome =
        webAuthn.finishRegistration(username, loginId, responseJson, nickname, context(client));
    if (outcome instanceof RegistrationOutcome.Rejected rejected) {
      return switch (rejected.reason()) {
        case ATTESTATION_NOT_TRUSTED, AUTHENTICATOR_MODEL_NOT_ALLOWED ->
            new EnrolmentCheck.KeyNotAllowed();
        default -> new EnrolmentCheck.Rejected();
      };
    }
    // The engine issues the first recovery codes with a first TOTP; a key needs them just as much.
    List<String> codes =
        engine.remainingRecoveryCodes(username) == 0
            ? engine.regenerateRecoveryCodes(username, context(client)).codes()
            : List.of();
    return new EnrolmentCheck.Enrolled(codes);
  }

  @Override
  public Set<io.crowd2fa.plugin.policy.FactorType> enrolledFactors(String username) {
    Set<io.crowd2fa.plugin.policy.FactorType> types =
        EnumSet.noneOf(io.crowd2fa.plugin.policy.FactorType.class);
    for (EnrolledFactor factor : active(username)) {
      policyType(factor.type()).ifPresent(types::add);
    }
    return types;
  }

  @Override
  public List<EnrolledFactor> factorsOf(String username) {
    return engine.enrolledFactors(username);
  }

  @Override
  public int remainingRecoveryCodes(String username) {
    return engine.remainingRecoveryCodes(username);
  }

  @Override
  public List<String> regenerateRecoveryCodes(String username, ClientInfo client) {
    return engine.regenerateRecoveryCodes(username, context(client)).codes();
  }

  @Override
  public Optional<AuthMethod> lastUsedMethod(String username) {
    return active(username).stream()
        .filter(f -> f.lastUsedAt() != null)
        .max(Comparator.comparing(EnrolledFactor::lastUsedAt, Comparator.<Instant>naturalOrder()))
        .map(f -> method(f.type()));
  }

  @Override
  public FactorCheck verifyTotp(String username, String code, ClientInfo client) {
    return check(
        engine.verifyTotp(username, code, context(client)), username, LockoutStatus::secondFactor);
  }

  @Override
  public FactorCheck verifyRecoveryCode(String username, String code, ClientInfo client) {
    return check(
        engine.verifyRecoveryCode(username, code, context(client)),
        username,
        LockoutStatus::recoveryCode);
  }

  @Override
  public TotpEnrolment startTotpEnrolment(String username, String nickname, ClientInfo client) {
    return engine.startTotpEnrolment(username, nickname, context(client));
  }

  @Override
  public FactorRemoval removeOwnFactor(
      String username, FactorType type, UUID id, ClientInfo client) {
    return engine.removeOwnFactor(username, type, id, context(client));
  }

  @Override
  public EnrolmentCheck finishTotpEnrolment(
      String username, UUID credentialId, String code, ClientInfo client) {
    EnrolmentResult result =
        engine.finishTotpEnrolment(username, credentialId, code, context(client));
    if (result instanceof EnrolmentResult.Enrolled enrolled) {
      return new EnrolmentCheck.Enrolled(
          enrolled.firstRecoveryCodes().map(RecoveryCodes::codes).orElse(List.of()));
    }
    return new EnrolmentCheck.Rejected();
  }

  private List<EnrolledFactor> active(String username) {
    return engine.enrolledFactors(username).stream()
        .filter(f -> f.status() == FactorStatus.ACTIVE)
        .toList();
  }

  /**
   * The engine reports the attempt that trips the lockout as a plain rejection (the code was
   * checked and was wrong); the user must still learn on that very attempt that they now have to
   * wait, so the counter is read back after a rejection.
   */
  private FactorCheck check(
      VerificationResult result, String username, Function<LockoutStatus, CounterStatus> counter) {
    FactorCheck check = check(result);
    if (check instanceof FactorCheck.Rejected) {
      Instant lockedUntil = counter.apply(engine.lockoutStatus(username)).lockedUntil();
      if (lockedUntil != null) {
        return new FactorCheck.LockedOut(Optional.of(lockedUntil));
      }
    }
    return check;
  }

  private static FactorCheck check(VerificationResult result) {
    if (result instanceof VerificationResult.Accepted accepted) {
      return new FactorCheck.Verified(method(accepted.factor()));
    }
    if (result instanceof VerificationResult.LockedUntil locked) {
      return new FactorCheck.LockedOut(Optional.of(locked.until()));
    }
    if (result instanceof VerificationResult.Disabled) {
      return new FactorCheck.LockedOut(Optional.empty());
    }
    return new FactorCheck.Rejected();
  }

  private static AuthMethod method(FactorType type) {
    return switch (type) {
      case TOTP -> AuthMethod.OTP;
      case WEBAUTHN -> AuthMethod.HARDWARE_KEY;
      case RECOVERY_CODE -> AuthMethod.RECOVERY_CODE;
    };
  }

  private static Optional<io.crowd2fa.plugin.policy.FactorType> policyType(FactorType type) {
    return switch (type) {
      case TOTP -> Optional.of(io.crowd2fa.plugin.policy.FactorType.TOTP);
      case WEBAUTHN -> Optional.of(io.crowd2fa.plugin.policy.FactorType.WEBAUTHN);
      case RECOVERY_CODE -> Optional.empty();
    };
  }

  private static RequestContext context(ClientInfo client) {
    return new RequestContext(Objects.requireNonNull(client).address(), client.userAgent());
  }
}
