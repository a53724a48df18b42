package io.crowd2fa.seraph.core;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * This product's freshness rule: the service's central policy, fetched and cached, tightened by any
 * local rule. The central policy is refetched after {@code ttl}; if the service cannot be reached
 * the last good policy is used for at most {@code maxStale} more, then nothing is (fail closed).
 */
public final class ProductPolicySource {

  private static final System.Logger LOG = System.getLogger(ProductPolicySource.class.getName());
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);

  private final URI policyUri;
  private final String application;
  private final FreshnessRule localRule;
  private final HttpFetcher fetcher;
  private final Clock clock;
  private final Duration ttl;
  private final Duration maxStale;

  private volatile FreshnessRule effective;
  private Instant fetchedAt = Instant.MIN;
  private Instant lastAttempt = Instant.MIN;

  public ProductPolicySource(
      URI serviceBase,
      String application,
      FreshnessRule localRule,
      HttpFetcher fetcher,
      Clock clock,
      Duration ttl,
      Duration maxStale) {
    this.policyUri =
        URI.create(
            serviceBase
                + "/product-policy?application="
                + URLEncoder.encode(application, StandardCharsets.UTF_8));
    this.application = application;
    this.localRule = localRule;
    this.fetcher = fetcher;
    this.clock = clock;
    this.ttl = ttl;
    this.maxStale = maxStale;
  }

  /** The rule to enforce now, refetching when due; empty when no trustworthy policy is known. */
  public synchronized Optional<FreshnessRule> current() {
    Instant now = clock.instant();
    boolean due = fetchedAt == Instant.MIN || !now.isBefore(fetchedAt.plus(ttl));
    boolean mayRetry =
        lastAttempt == Instant.MIN || !now.isBefore(lastAttempt.plus(RETRY_AFTER_FAILURE));
    if (due && mayRetry) {
      fetch(now);
    }
    if (fetchedAt == Instant.MIN || !now.isBefore(fetchedAt.plus(ttl).plus(maxStale))) {
      effective = null;
      return Optional.empty();
    }
    return Optional.of(effective);
  }

  /** The last rule returned by {@link #current()}, without I/O or locking; null if none. */
  public FreshnessRule cached() {
    return effective;
  }

  private void fetch(Instant now) {
    lastAttempt = now;
    try {
      ProductPolicy policy = ProductPolicy.parse(fetcher.get(policyUri));
      if (!application.equals(policy.application())) {
        throw new SeraphAuthenticatorException(
            "policy is for application '" + policy.application() + "', not '" + application + "'");
      }
      effective = policy.freshness().strictest(localRule);
      fetchedAt = now;
      LOG.log(Level.DEBUG, "Crowd2FA: product policy version {0} loaded", policy.version());
    } catch (SeraphAuthenticatorException e) {
      LOG.log(Level.WARNING, "Crowd2FA: could not load product policy from {0}: {1}", policyUri, e);
    }
  }
}
