package io.crowd2fa.plugin.keys;

import java.time.Instant;
import java.util.List;

/** Storage of signing keys shared by every node. */
public interface SigningKeyRepository {

  List<StoredSigningKey> findAll();

  void insert(StoredSigningKey key);

  /** Marks {@code keyId} retired at {@code at} unless it already is; returns whether it changed. */
  boolean retire(String keyId, Instant at);
}
