package io.crowd2fa.plugin.webauthn;

/** Result of finishing a registration. */
public sealed interface RegistrationOutcome {

  /**
   * @param attestationTrusted the attestation chained to a configured trust root (always false
   *     without a trust list, which is when untrusted attestation is accepted)
   */
  record Registered(WebAuthnCredential credential, boolean attestationTrusted)
      implements RegistrationOutcome {}

  /**
   * @param detail audit-only detail; never show it to the user
   */
  record Rejected(WebAuthnRejection reason, String detail) implements RegistrationOutcome {}
}
