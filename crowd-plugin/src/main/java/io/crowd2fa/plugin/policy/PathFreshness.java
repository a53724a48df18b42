package io.crowd2fa.plugin.policy;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A stricter freshness for some paths of a product (typically admin pages). {@code pattern} is an
 * exact servlet path or a prefix ending in {@code /*}.
 */
public record PathFreshness(String pattern, Duration maxAge) {
  // No dot segments, ';', '%', '\', query or fragment: patterns are matched by products against the
  // container-normalised servlet path, and anything else invites normalisation tricks.
  private static final Pattern SAFE =
      Pattern.compile("/([A-Za-z0-9._~!$&'()+,=@-]+/)*([A-Za-z0-9._~!$&'()+,=@-]+|\\*)?");

  public PathFreshness {
    if (pattern == null
        || !SAFE.matcher(pattern).matches()
        || pattern.contains("/../")
        || pattern.contains("/./")
        || pattern.endsWith("/..")
        || pattern.endsWith("/.")) {
      throw new IllegalArgumentException(
          "pattern must be an absolute path without dot segments, optionally ending in /*");
    }
    ApplicationFreshness.requirePositive(maxAge);
  }

  public boolean matches(String servletPath) {
    if (pattern.endsWith("/*")) {
      String prefix = pattern.substring(0, pattern.length() - 1);
      return servletPath.startsWith(prefix);
    }
    return servletPath.equals(pattern);
  }
}
