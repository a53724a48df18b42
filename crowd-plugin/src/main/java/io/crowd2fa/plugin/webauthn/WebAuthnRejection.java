package io.crowd2fa.plugin.webauthn;

/**
 * Why a ceremony was refused. Precise, for the audit log; users are only told that it failed
 * (security invariant 8), except that a key refused by the organisation's attestation rules is
 * called "not allowed" to the already signed-in user enrolling it.
 */
public enum WebAuthnRejection {
  /** No pending ceremony for this transaction: never started, already used, or replayed. */
  CHALLENGE_NOT_FOUND,
  CHALLENGE_EXPIRED,
  /** The pending ceremony was started for another user. */
  CHALLENGE_OF_ANOTHER_USER,
  MALFORMED_RESPONSE,
  UNKNOWN_CREDENTIAL,
  /** The credential is registered, but to another user than the one signing in. */
  CREDENTIAL_OF_ANOTHER_USER,
  CREDENTIAL_NOT_USABLE,
  /** Signature counter went backwards: the credential is now marked possibly cloned. */
  SIGNATURE_COUNTER_REGRESSED,
  /** Bad signature, origin, rpId hash, type, flags, algorithm (the library's detail is audited). */
  VERIFICATION_FAILED,
  DUPLICATE_CREDENTIAL_ID,
  /**
   * A trust list is configured and the key's attestation does not chain to it: {@code none}, self
   * attestation, or a certificate from an unlisted root. The user is told the key is not allowed.
   */
  ATTESTATION_NOT_TRUSTED,
  /**
   * The attestation is trusted, but the authenticator model (AAGUID) is not on the configured
   * allowlist. The user is told the key is not allowed.
   */
  AUTHENTICATOR_MODEL_NOT_ALLOWED,
  INVALID_NICKNAME
}
