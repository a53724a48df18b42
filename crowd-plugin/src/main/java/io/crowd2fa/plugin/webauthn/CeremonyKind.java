package io.crowd2fa.plugin.webauthn;

/** The two WebAuthn ceremonies a challenge can belong to. */
public enum CeremonyKind {
  REGISTRATION,
  ASSERTION
}
