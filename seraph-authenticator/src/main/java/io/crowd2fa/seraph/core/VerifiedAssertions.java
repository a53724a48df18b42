package io.crowd2fa.seraph.core;

import io.crowd2fa.model.assertion.AssertionClaims;
import java.security.interfaces.ECPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Assertions whose ES256 signature has already verified, keyed by the whole compact JWS, least
 * recently used first out. A product re-validates the same assertion at every {@code
 * session.validationinterval} and for every new HTTP session of the browser; the signature check is
 * most of that work and its answer cannot change while the signing key stays the same, so only the
 * claims (expiry, binding, issuer) are checked again.
 */
final class VerifiedAssertions {

  /** What the signature proved: this key, named by this kid, signed these claims. */
  record Entry(String kid, ECPublicKey key, AssertionClaims claims) {
    Entry {
      Objects.requireNonNull(kid, "kid");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(claims, "claims");
    }
  }

  private final int capacity;
  private final Map<String, Entry> entries;

  VerifiedAssertions(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative");
    }
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > VerifiedAssertions.this.capacity;
          }
        };
  }

  synchronized Optional<Entry> get(String compactJws) {
    return Optional.ofNullable(entries.get(compactJws));
  }

  synchronized void put(String compactJws, Entry entry) {
    if (capacity > 0) {
      entries.put(compactJws, entry);
    }
  }

  synchronized void remove(String compactJws) {
    entries.remove(compactJws);
  }

  synchronized int size() {
    return entries.size();
  }
}
