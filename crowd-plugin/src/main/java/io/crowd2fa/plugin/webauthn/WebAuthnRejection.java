package io.crowd2fa.plugin.webauthn;

/**
 * Why a ceremony was refused. Precise, for the audit log; users are only told that it failed
 * (security invariant 8).
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
  INVALID_NICKNAME
}
