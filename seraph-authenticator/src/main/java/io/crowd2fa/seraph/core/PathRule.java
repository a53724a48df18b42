package io.crowd2fa.seraph.core;

import java.time.Duration;
import java.util.Objects;

/** A stricter maximum age of the second factor for paths matching {@code pattern}. */
public record PathRule(PathPattern pattern, Duration maxAge) {

  public PathRule {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive");
    }
  }
}
