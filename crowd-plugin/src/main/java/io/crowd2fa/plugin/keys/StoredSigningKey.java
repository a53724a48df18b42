package io.crowd2fa.plugin.keys;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signing key as the database holds it: the private JWK only in sealed form.
 *
 * @param keyId the JWS {@code kid}
 * @param sealedPrivateJwk the private EC JWK, sealed by ENGINE-CORE's {@code SecretBox}
 * @param createdAt when the key was generated
 * @param retiredAt when a newer key replaced it for signing; empty while current
 */
public record StoredSigningKey(
    String keyId, String sealedPrivateJwk, Instant createdAt, Optional<Instant> retiredAt) {

  public StoredSigningKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(retiredAt, "retiredAt");
    Objects.requireNonNull(sealedPrivateJwk, "sealedPrivateJwk");
  }
}
