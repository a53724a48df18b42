package io.crowd2fa.plugin.totp;

/**
 * Normalises a typed one-time code. Anything that is not 6 or 8 ASCII digits (optionally with
 * spaces, as apps display {@code 123 456}) is malformed: a counted, audited failure, never an
 * exception. {@code Character.isDigit} is not used on purpose: it accepts non-ASCII digits.
 */
public final class OtpInput {

  /** Longer input is refused before any other work. */
  public static final int MAX_RAW_LENGTH = 32;

  private OtpInput() {}

  /** Sealed outcome of parsing. */
  public sealed interface Parsed permits Digits, Malformed {}

  public record Digits(String value) implements Parsed {}

  /**
   * @param reason precise, audit-only reason; never contains the input
   */
  public record Malformed(String reason) implements Parsed {}

  public static Parsed parse(String raw) {
    if (raw == null) {
      return new Malformed("code missing");
    }
    if (raw.length() > MAX_RAW_LENGTH) {
      return new Malformed("code over-long (" + raw.length() + " chars)");
    }
    StringBuilder digits = new StringBuilder(8);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c != ' ') {
        return new Malformed("code contains a character other than ASCII digits");
      }
    }
    if (digits.length() == 0) {
      return new Malformed("code empty");
    }
    if (digits.length() != 6 && digits.length() != 8) {
      return new Malformed("code has " + digits.length() + " digits");
    }
    return new Digits(digits.toString());
  }
}
