package io.crowd2fa.plugin.web;

import java.util.Optional;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;

/**
 * Reads request parameters with a limit per field. A repeated parameter ({@code code=1&code=2},
 * {@code email[]}), an over-long value or a control character is a {@link BadRequestException}.
 */
public final class FormInput {

  public static final int USERNAME_MAX = 255;
  public static final int PASSWORD_MAX = 1024;
  public static final int CODE_MAX = 64;
  public static final int NICKNAME_MAX = 64;
  public static final int TOKEN_MAX = 128;
  public static final int JSON_MAX = 16_384;

  private final HttpServletRequest request;

  public FormInput(HttpServletRequest request) {
    this.request = request;
  }

  /** The single value of {@code name}, if present. */
  public Optional<String> optional(String name, int maxLength) {
    String[] values = request.getParameterValues(name);
    if (values == null) {
      return Optional.empty();
    }
    if (values.length != 1) {
      throw new BadRequestException(name, "given more than once");
    }
    String value = values[0];
    if (value.length() > maxLength) {
      throw new BadRequestException(name, "longer than " + maxLength);
    }
    if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
      throw new BadRequestException(name, "contains control characters");
    }
    return Optional.of(value);
  }

  /** The single value of {@code name} as a UUID. */
  public UUID uuid(String name) {
    try {
      return UUID.fromString(required(name, 36));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(name, "not a UUID");
    }
  }

  /** The single non-empty value of {@code name}. */
  public String required(String name, int maxLength) {
    return optional(name, maxLength)
        .filter(v -> !v.isEmpty())
        .orElseThrow(() -> new BadRequestException(name, "missing"));
  }
}
