package io.crowd2fa.plugin.policy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How recent the second factor must be for one Crowd application. An empty {@code maxAge} means no
 * limit beyond the assertion's own expiry.
 */
public record ApplicationFreshness(
    String application, Optional<Duration> maxAge, List<PathFreshness> paths) {

  static final Duration LONGEST = Duration.ofDays(366);

  public ApplicationFreshness {
    if (application == null || application.isBlank()) {
      throw new IllegalArgumentException("application is required");
    }
    if (maxAge == null || paths == null) {
      throw new IllegalArgumentException("maxAge and paths must not be null");
    }
    maxAge.ifPresent(ApplicationFreshness::requirePositive);
    application = Names.canonical(application);
    paths = List.copyOf(paths);
  }

  public static ApplicationFreshness unlimited(String application) {
    return new ApplicationFreshness(application, Optional.empty(), List.of());
  }

  /** The strictest limit that applies to {@code servletPath}: the application's and every match. */
  public Optional<Duration> maxAgeFor(String servletPath) {
    Optional<Duration> strictest = maxAge;
    for (PathFreshness path : paths) {
      if (path.matches(servletPath)
          && (strictest.isEmpty() || path.maxAge().compareTo(strictest.get()) < 0)) {
        strictest = Optional.of(path.maxAge());
      }
    }
    return strictest;
  }

  static void requirePositive(Duration age) {
    if (age == null || age.isNegative() || age.isZero() || age.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("max age must be 1 second .. 366 days");
    }
  }
}
