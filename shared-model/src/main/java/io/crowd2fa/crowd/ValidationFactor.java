package io.crowd2fa.crowd;

import java.util.Objects;

/** One of Crowd's validation factors: a name and a value bound to an SSO session. */
public record ValidationFactor(String name, String value) {

  /** Crowd's {@code ValidationFactor.REMOTE_ADDRESS}. */
  public static final String REMOTE_ADDRESS = "remote_address";

  /** Crowd's {@code ValidationFactor.X_FORWARDED_FOR}. */
  public static final String X_FORWARDED_FOR = "X-Forwarded-For";

  public ValidationFactor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
