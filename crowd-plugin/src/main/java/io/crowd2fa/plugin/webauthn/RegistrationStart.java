package io.crowd2fa.plugin.webauthn;

import java.time.Instant;

/**
 * @param publicKeyCredentialCreationOptionsJson {@code {"publicKey":{...}}} for {@code
 *     navigator.credentials.create}, binary fields base64url-encoded (decode them in the page, or
 *     use {@code PublicKeyCredential.parseCreationOptionsFromJSON})
 */
public record RegistrationStart(String publicKeyCredentialCreationOptionsJson, Instant expiresAt) {}
