package io.crowd2fa.plugin.keys;

import io.crowd2fa.plugin.engine.TransactionRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Test double: the repository contract without a database (the JDBC one is tested separately). */
public final class InMemorySigningKeyRepository implements SigningKeyRepository {

  /** Memory has no transaction to join: work runs as it is (each method here is atomic). */
  public static final TransactionRunner NO_TRANSACTION =
      new TransactionRunner() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
          return work.get();
        }
      };

  private final List<StoredSigningKey> keys = new ArrayList<>();

  @Override
  public synchronized List<StoredSigningKey> findAll() {
    return List.copyOf(keys);
  }

  @Override
  public synchronized void insert(StoredSigningKey key) {
    keys.add(key);
  }

  @Override
  public synchronized boolean retire(String keyId, Instant at) {
    for (int i = 0; i < keys.size(); i++) {
      StoredSigningKey k = keys.get(i);
      if (k.keyId().equals(keyId) && k.retiredAt().isEmpty()) {
        keys.set(
            i,
            new StoredSigningKey(k.keyId(), k.sealedPrivateJwk(), k.createdAt(), Optional.of(at)));
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized boolean replace(String currentKeyId, StoredSigningKey fresh, Instant at) {
    if (!retire(currentKeyId, at)) {
      return false;
    }
    findAll().stream().filter(k -> k.retiredAt().isEmpty()).forEach(k -> retire(k.keyId(), at));
    keys.add(fresh);
    return true;
  }
}
