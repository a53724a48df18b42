package io.crowd2fa.plugin.totp;

import dev.samstevens.totp.code.HashingAlgorithm;

/** HMAC of RFC 6238; the secret length follows the HMAC output length (RFC 6238 §5.1). */
public enum TotpAlgorithm {
  SHA1(HashingAlgorithm.SHA1, 20),
  SHA256(HashingAlgorithm.SHA256, 32),
  SHA512(HashingAlgorithm.SHA512, 64);

  private final HashingAlgorithm hashing;
  private final int secretBytes;

  TotpAlgorithm(HashingAlgorithm hashing, int secretBytes) {
    this.hashing = hashing;
    this.secretBytes = secretBytes;
  }

  HashingAlgorithm hashing() {
    return hashing;
  }

  /** Bytes of secret generated for a new credential: 160 bits for SHA-1, more for SHA-2. */
  public int secretBytes() {
    return secretBytes;
  }
}
