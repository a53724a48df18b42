package io.crowd2fa.crowd;

import java.util.Objects;

/** A user's or an application's password; never printed. */
public record Password(String value) {

  public Password {
    Objects.requireNonNull(value, "password");
  }

  @Override
  public String toString() {
    return "Password[redacted]";
  }
}
