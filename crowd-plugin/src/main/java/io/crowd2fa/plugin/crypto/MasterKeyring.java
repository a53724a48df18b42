package io.crowd2fa.plugin.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The current master key (seals new values) and older ones (still open old values). */
public final class MasterKeyring {

  private final MasterKey current;
  private final Map<String, MasterKey> byId;

  /**
   * @param keys newest first; the first one seals, all of them open
   */
  public MasterKeyring(List<MasterKey> keys) {
    if (keys == null || keys.isEmpty()) {
      throw new IllegalArgumentException("a keyring needs at least one key");
    }
    Map<String, MasterKey> map = new LinkedHashMap<>();
    for (MasterKey key : keys) {
      if (map.put(key.id(), key) != null) {
        throw new IllegalArgumentException("duplicate master key id " + key.id());
      }
    }
    this.current = keys.get(0);
    this.byId = Map.copyOf(map);
  }

  public MasterKey current() {
    return current;
  }

  public Optional<MasterKey> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public int size() {
    return byId.size();
  }
}
