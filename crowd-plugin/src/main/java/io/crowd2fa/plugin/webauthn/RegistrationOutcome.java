package io.crowd2fa.plugin.webauthn;

/** Result of finishing a registration. */
public sealed interface RegistrationOutcome {

  record Registered(WebAuthnCredential credential) implements RegistrationOutcome {}

  /**
   * @param detail audit-only detail; never show it to the user
   */
  record Rejected(WebAuthnRejection reason, String detail) implements RegistrationOutcome {}
}
