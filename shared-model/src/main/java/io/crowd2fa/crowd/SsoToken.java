package io.crowd2fa.crowd;

/** A Crowd SSO token (the value of the {@code crowd.token_key} cookie); never printed. */
public record SsoToken(String value) {

  public SsoToken {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("SSO token must not be blank");
    }
  }

  @Override
  public String toString() {
    return "SsoToken[redacted]";
  }
}
