package io.crowd2fa.plugin.webauthn;

/** Whether a stored credential may still be used to sign in. */
public enum CredentialStatus {
  ACTIVE,
  /** Its signature counter went backwards: a copy of the key may exist. */
  POSSIBLY_CLONED,
  /** Disabled after the hard cap of failures (NIST SP 800-63B-4 §3.2.2); enrol again. */
  DISABLED
}
