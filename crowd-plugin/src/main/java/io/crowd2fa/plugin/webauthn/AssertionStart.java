package io.crowd2fa.plugin.webauthn;

import java.time.Instant;

/** Result of starting a WebAuthn sign-in. */
public sealed interface AssertionStart {

  /**
   * @param publicKeyCredentialRequestOptionsJson {@code {"publicKey":{...}}} for {@code
   *     navigator.credentials.get}
   */
  record Started(String publicKeyCredentialRequestOptionsJson, Instant expiresAt)
      implements AssertionStart {}

  /** The user has no usable WebAuthn credential; offer another factor or enrolment. */
  record NoCredentials() implements AssertionStart {}
}
