package io.crowd2fa.plugin.login;

import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.plugin.engine.EnrolledFactor;
import io.crowd2fa.plugin.engine.FactorRemoval;
import io.crowd2fa.plugin.policy.FactorType;
import io.crowd2fa.plugin.totp.TotpEnrolment;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The second factors as the login flow uses them. Implemented over ENGINE-CORE's engine (which
 * counts attempts before verifying, enforces lockout and single use, and audits each check).
 */
public interface SecondFactors {

  Set<FactorType> enrolledFactors(String username);

  /** Every factor of the user, active or not, for the account page. */
  List<EnrolledFactor> factorsOf(String username);

  int remainingRecoveryCodes(String username);

  /** Replaces the user's recovery codes (the engine audits it); the new codes, to show once. */
  List<String> regenerateRecoveryCodes(String username, ClientInfo client);

  /** The method the user last passed, offered first. */
  Optional<AuthMethod> lastUsedMethod(String username);

  FactorCheck verifyTotp(String username, String code, ClientInfo client);

  FactorCheck verifyRecoveryCode(String username, String code, ClientInfo client);

  /** What a TOTP credential is called when the user does not name it. */
  String DEFAULT_TOTP_NICKNAME = "Authenticator app";

  TotpEnrolment startTotpEnrolment(String username, String nickname, ClientInfo client);

  /**
   * Starts a security-key sign-in bound to login transaction {@code loginId}: the options for
   * {@code navigator.credentials.get}, or empty when the user has no usable key.
   */
  Optional<String> startSecurityKey(String username, String loginId, ClientInfo client);

  /** Checks the browser's answer to {@link #startSecurityKey} (single-use challenge). */
  FactorCheck verifySecurityKey(
      String username, String loginId, String responseJson, ClientInfo client);

  /** Starts registering a security key: options for {@code navigator.credentials.create}. */
  String startSecurityKeyRegistration(String username, String loginId, ClientInfo client);

  /** Finishes registering a security key named {@code nickname}. */
  EnrolmentCheck finishSecurityKeyRegistration(
      String username, String loginId, String responseJson, String nickname, ClientInfo client);

  /** The enrolment's first code; on success the user's first recovery codes (show once). */
  EnrolmentCheck finishTotpEnrolment(
      String username, UUID credentialId, String code, ClientInfo client);

  /**
   * Removes one of the user's own factors, keeping their last active one (the engine audits every
   * outcome).
   */
  FactorRemoval removeOwnFactor(
      String username, io.crowd2fa.plugin.engine.FactorType type, UUID id, ClientInfo client);

  /** Outcome of confirming an enrolment. */
  sealed interface EnrolmentCheck {
    /** Enrolled; {@code firstRecoveryCodes} is empty when the user already had codes. */
    record Enrolled(List<String> firstRecoveryCodes) implements EnrolmentCheck {
      public Enrolled {
        firstRecoveryCodes = List.copyOf(firstRecoveryCodes);
      }
    }

    record Rejected() implements EnrolmentCheck {}

    /**
     * The security key verified, but the organisation's attestation rules (trust roots, allowed
     * models) do not admit it. The user is told so (it is their own, already authenticated
     * enrolment): trying again with the same key cannot help.
     */
    record KeyNotAllowed() implements EnrolmentCheck {}
  }
}
