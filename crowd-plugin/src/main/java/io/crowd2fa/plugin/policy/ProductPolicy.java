package io.crowd2fa.plugin.policy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;

/**
 * What a product's authenticator needs to know about one application, served at {@code
 * /product-policy?application=...} as {@code
 * {"application","maxAgeSeconds","paths":[{"pattern","maxAgeSeconds"}],"version"}}. A {@code null}
 * {@code maxAgeSeconds} means no freshness limit beyond the assertion's expiry.
 */
@JsonPropertyOrder({"application", "maxAgeSeconds", "paths", "version"})
public record ProductPolicy(
    String application, Long maxAgeSeconds, List<PathRule> paths, long version) {

  private static final ObjectMapper JSON = new ObjectMapper();

  @JsonPropertyOrder({"pattern", "maxAgeSeconds"})
  public record PathRule(String pattern, long maxAgeSeconds) {}

  public ProductPolicy {
    if (application == null || paths == null) {
      throw new IllegalArgumentException("application and paths are required");
    }
    paths = List.copyOf(paths);
  }

  /** The view of {@code policy} (stored as {@code version}) for {@code application}. */
  public static ProductPolicy of(PolicyDocument policy, long version, String application) {
    ApplicationFreshness freshness = policy.freshnessFor(application);
    List<PathRule> paths =
        freshness.paths().stream()
            .map(p -> new PathRule(p.pattern(), p.maxAge().toSeconds()))
            .toList();
    return new ProductPolicy(
        freshness.application(),
        freshness.maxAge().map(Duration::toSeconds).orElse(null),
        paths,
        version);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a product policy is always serialisable", e);
    }
  }
}
