package io.crowd2fa.plugin.recovery;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Text form of a recovery code: a 4-character identifier (not secret, used to find the stored hash)
 * followed by a 24-character secret (120 bits), both in Crockford's base32, shown in groups of
 * four: {@code abcd-efgh-jkmn-pqrs-tvwx-yz01-2345}.
 *
 * <p>120 bits is above the 112 bits from which NIST SP 800-63B §5.1.2.2 and ASVS 6.5.2 accept a
 * plain salted approved hash instead of a password hash, so one verification costs one HMAC.
 */
public final class RecoveryCodeFormat {

  static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  public static final int ID_LENGTH = 4;
  public static final int SECRET_LENGTH = 24;
  public static final int SECRET_BITS = SECRET_LENGTH * 5;

  /** Anything longer is refused before any other work. */
  public static final int MAX_INPUT_LENGTH = 64;

  private RecoveryCodeFormat() {}

  /** A code split into its parts. */
  public record Parts(String id, String secret) {

    public String display() {
      String all = id + secret;
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < all.length(); i += 4) {
        if (i > 0) {
          out.append('-');
        }
        out.append(all, i, i + 4);
      }
      return out.toString();
    }

    @Override
    public String toString() {
      return "RecoveryCode[id=" + id + "]";
    }
  }

  /** Sealed outcome of parsing user input. */
  public sealed interface Parsed permits Valid, Malformed {}

  public record Valid(Parts parts) implements Parsed {}

  /**
   * @param reason audit-only; never contains the input
   */
  public record Malformed(String reason) implements Parsed {}

  static String random(SecureRandom random, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(out);
  }

  /** Accepts any case, dashes and spaces, and Crockford's look-alikes (i, l → 1; o → 0). */
  public static Parsed parse(String raw) {
    if (raw == null) {
      return new Malformed("recovery code missing");
    }
    if (raw.length() > MAX_INPUT_LENGTH) {
      return new Malformed("recovery code over-long (" + raw.length() + " chars)");
    }
    StringBuilder normal = new StringBuilder(ID_LENGTH + SECRET_LENGTH);
    for (char c : raw.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '-' || c == ' ') {
        continue;
      }
      char mapped = c == 'i' || c == 'l' ? '1' : c == 'o' ? '0' : c;
      if (ALPHABET.indexOf(mapped) < 0) {
        return new Malformed("recovery code contains a character outside its alphabet");
      }
      normal.append(mapped);
    }
    if (normal.length() != ID_LENGTH + SECRET_LENGTH) {
      return new Malformed("recovery code has " + normal.length() + " characters");
    }
    return new Valid(new Parts(normal.substring(0, ID_LENGTH), normal.substring(ID_LENGTH)));
  }
}
