package io.crowd2fa.seraph.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The service's policy for one product, as served by {@code GET /product-policy?application=}.
 *
 * @param application the Crowd application name the policy is for
 * @param freshness the central freshness rule
 * @param version the policy document's version, for the log
 */
public record ProductPolicy(String application, FreshnessRule freshness, long version) {

  public ProductPolicy {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(freshness, "freshness");
  }

  /** Parses the documented JSON; anything off-contract is a fault, never a laxer policy. */
  public static ProductPolicy parse(String json) {
    try {
      return parseDocument(json);
    } catch (IllegalArgumentException e) {
      throw new SeraphAuthenticatorException("policy out of range: " + e.getMessage(), e);
    }
  }

  private static ProductPolicy parseDocument(String json) {
    Map<String, Object> document = Json.object(json);
    String application =
        Json.string(document, "application")
            .orElseThrow(() -> new SeraphAuthenticatorException("policy lacks application"));
    Optional<Duration> maxAge = Json.integer(document, "maxAgeSeconds").map(Duration::ofSeconds);
    List<PathRule> paths = new ArrayList<>();
    for (Object entry : Json.array(document, "paths")) {
      Map<String, Object> rule = Json.asObject(entry, "path rule");
      paths.add(
          new PathRule(
              new PathPattern(
                  Json.string(rule, "pattern")
                      .orElseThrow(() -> new SeraphAuthenticatorException("rule lacks pattern"))),
              Duration.ofSeconds(
                  Json.integer(rule, "maxAgeSeconds")
                      .orElseThrow(
                          () -> new SeraphAuthenticatorException("rule lacks maxAgeSeconds")))));
    }
    return new ProductPolicy(
        application,
        new FreshnessRule(maxAge, paths),
        Json.integer(document, "version").orElse(0L));
  }
}
