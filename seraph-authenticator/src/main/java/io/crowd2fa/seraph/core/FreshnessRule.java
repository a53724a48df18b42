package io.crowd2fa.seraph.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How old the second factor may be for one product, optionally stricter for some paths. Combining
 * two rules ({@link #strictest}) keeps the smaller limit everywhere, which is how local init-params
 * can only ever tighten the central policy. Limits are precomputed as plain longs because the
 * per-request fast path consults them and must not allocate.
 */
public final class FreshnessRule {

  public static final FreshnessRule NONE = new FreshnessRule(Optional.empty(), List.of());

  private final Optional<Duration> maxAge;
  private final List<PathRule> paths;
  private final long productLimitSeconds;
  private final long strictestSeconds;

  /**
   * @param maxAge limit for every path; empty = none beyond the assertion's {@code exp}
   * @param paths stricter limits for matching paths
   */
  public FreshnessRule(Optional<Duration> maxAge, List<PathRule> paths) {
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.paths = List.copyOf(paths);
    maxAge.ifPresent(
        age -> {
          if (age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
          }
        });
    this.productLimitSeconds = maxAge.map(Duration::getSeconds).orElse(Long.MAX_VALUE);
    long strictest = productLimitSeconds;
    for (PathRule rule : this.paths) {
      strictest = Math.min(strictest, rule.maxAge().getSeconds());
    }
    this.strictestSeconds = strictest;
  }

  public Optional<Duration> maxAge() {
    return maxAge;
  }

  public List<PathRule> paths() {
    return paths;
  }

  /** Both rules at once: every path gets the smaller of the two limits. */
  public FreshnessRule strictest(FreshnessRule other) {
    Optional<Duration> combined = maxAge;
    if (other.maxAge.isPresent()
        && (combined.isEmpty() || other.maxAge.get().compareTo(combined.get()) < 0)) {
      combined = other.maxAge;
    }
    List<PathRule> all = new ArrayList<>(paths);
    all.addAll(other.paths);
    return new FreshnessRule(combined, all);
  }

  /** Seconds the second factor may be old on this path; {@link Long#MAX_VALUE} if unlimited. */
  public long maxAgeSeconds(String servletPath, String pathInfo) {
    long limit = productLimitSeconds;
    for (int i = 0; i < paths.size(); i++) {
      PathRule rule = paths.get(i);
      long ruleLimit = rule.maxAge().getSeconds();
      if (ruleLimit < limit && rule.pattern().matches(servletPath, pathInfo)) {
        limit = ruleLimit;
      }
    }
    return limit;
  }

  /** The smallest limit any path can have, so callers can skip path matching when fresh enough. */
  public long strictestSeconds() {
    return strictestSeconds;
  }

  @Override
  public String toString() {
    return "FreshnessRule[maxAge=" + maxAge + ", paths=" + paths + "]";
  }
}
