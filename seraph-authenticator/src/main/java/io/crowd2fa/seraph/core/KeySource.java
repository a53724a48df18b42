package io.crowd2fa.seraph.core;

import java.security.interfaces.ECPublicKey;
import java.util.Optional;

/** Where the assertion verifier gets the service's public signing keys. */
public interface KeySource {

  /** The key with this {@code kid}, fetching fresh keys if the rules allow; empty if unknown. */
  Optional<ECPublicKey> keyFor(String kid);

  /** One admin-pinned key, used for every {@code kid}; no network. */
  static KeySource pinned(String pemOrBase64) {
    ECPublicKey key = EcP256.fromPem(pemOrBase64);
    return kid -> Optional.of(key);
  }
}
