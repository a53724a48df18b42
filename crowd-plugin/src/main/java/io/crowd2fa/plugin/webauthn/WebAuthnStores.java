package io.crowd2fa.plugin.webauthn;

import java.util.Objects;

/** The three repositories WebAuthn keeps its state in. */
public record WebAuthnStores(
    WebAuthnCredentialRepository credentials,
    UserHandleRepository userHandles,
    ChallengeRepository challenges) {

  public WebAuthnStores {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(userHandles, "userHandles");
    Objects.requireNonNull(challenges, "challenges");
  }
}
