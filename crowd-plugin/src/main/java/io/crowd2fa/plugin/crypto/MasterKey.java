package io.crowd2fa.plugin.crypto;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key that encrypts secrets at rest, named by a short id that is stored beside every
 * value it sealed, so a newer key can take over while older values stay readable.
 */
public final class MasterKey {

  static final int KEY_BYTES = 32;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final String id;
  private final SecretKey key;

  public MasterKey(String id, byte[] keyBytes) {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("key id must match " + ID.pattern());
    }
    if (keyBytes == null || keyBytes.length != KEY_BYTES) {
      throw new IllegalArgumentException("a master key must be exactly 32 bytes (AES-256)");
    }
    this.id = id;
    this.key = new SecretKeySpec(Arrays.copyOf(keyBytes, KEY_BYTES), "AES");
  }

  public String id() {
    return id;
  }

  SecretKey key() {
    return key;
  }

  byte[] encoded() {
    return key.getEncoded();
  }

  @Override
  public String toString() {
    return "MasterKey[" + id + "]";
  }
}
