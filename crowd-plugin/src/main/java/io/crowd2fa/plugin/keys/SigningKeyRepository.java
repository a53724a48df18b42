package io.crowd2fa.plugin.keys;

import java.time.Instant;
import java.util.List;

/** Storage of signing keys shared by every node. */
public interface SigningKeyRepository {

  List<StoredSigningKey> findAll();

  void insert(StoredSigningKey key);

  /** Marks {@code keyId} retired at {@code at} unless it already is; returns whether it changed. */
  boolean retire(String keyId, Instant at);

  /**
   * In one transaction: retires {@code currentKeyId} at {@code at} only if it is still active,
   * retires any other active key, and inserts {@code fresh}. Returns false, changing nothing, when
   * {@code currentKeyId} was already retired (another node rotated first). The conditional retire
   * is what makes concurrent rotations on several nodes produce exactly one new key.
   */
  boolean replace(String currentKeyId, StoredSigningKey fresh, Instant at);
}
