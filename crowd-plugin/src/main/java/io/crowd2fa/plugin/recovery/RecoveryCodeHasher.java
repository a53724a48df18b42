package io.crowd2fa.plugin.recovery;

import io.crowd2fa.plugin.engine.EngineFault;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256 keyed with a per-code random salt; compared in constant time. */
public final class RecoveryCodeHasher {

  public static final int SALT_BYTES = 16;

  public String hash(byte[] salt, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new EngineFault("HmacSHA256 unavailable", e);
    }
  }

  public boolean matches(byte[] salt, String secret, String expectedHash) {
    return MessageDigest.isEqual(
        hash(salt, secret).getBytes(StandardCharsets.US_ASCII),
        expectedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
