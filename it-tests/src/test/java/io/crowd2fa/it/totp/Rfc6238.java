package io.crowd2fa.it.totp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An RFC 6238 TOTP generator written for the tests from the RFC alone (JDK {@link Mac}), so the end
 * -to-end tests do not check the production code against itself.
 */
public final class Rfc6238 {

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final int[] POWERS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private final byte[] key;
  private final String macAlgorithm;
  private final int digits;
  private final Duration period;

  public Rfc6238(byte[] key, String macAlgorithm, int digits, Duration period) {
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("RFC 6238 codes have 6 to 8 digits");
    }
    this.key = key.clone();
    this.macAlgorithm = macAlgorithm;
    this.digits = digits;
    this.period = period;
  }

  /** The parameters every authenticator app assumes: HMAC-SHA1, 6 digits, 30 s. */
  public static Rfc6238 sha1SixDigits(String base32Secret) {
    return new Rfc6238(decodeBase32(base32Secret), "HmacSHA1", 6, Duration.ofSeconds(30));
  }

  public String codeAt(Instant time) {
    return codeForStep(Math.floorDiv(time.getEpochSecond(), period.getSeconds()));
  }

  /** RFC 4226 section 5.3: HMAC over the 8-byte counter, dynamic truncation, modulo 10^digits. */
  public String codeForStep(long step) {
    try {
      Mac mac = Mac.getInstance(macAlgorithm);
      mac.init(new SecretKeySpec(key, macAlgorithm));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      String code = Integer.toString(binary % POWERS[digits]);
      return "0".repeat(digits - code.length()) + code;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(macAlgorithm + " is not available", e);
    }
  }

  public long stepAt(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), period.getSeconds());
  }

  /** RFC 4648 base32, as shown under a QR code; spaces and padding are ignored. */
  public static byte[] decodeBase32(String text) {
    String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not a base32 character: " + c);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }
}
