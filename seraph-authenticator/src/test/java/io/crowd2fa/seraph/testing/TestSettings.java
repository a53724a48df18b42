package io.crowd2fa.seraph.testing;

import io.crowd2fa.seraph.core.ApiClientSignal;
import io.crowd2fa.seraph.core.AuthenticatorSettings;
import io.crowd2fa.seraph.core.FreshnessRule;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Settings as an admin would write them for the Jira-like test product. */
public final class TestSettings {

  public static final String SERVICE = TokenMint.ISSUER;
  public static final String POLICY_QUERY = "/product-policy?application=jira";
  public static final String JWKS_PATH = "/.well-known/jwks.json";

  private TestSettings() {}

  /** Validation interval 2 minutes, no local freshness rule, break-glass account "rescue". */
  public static AuthenticatorSettings standard() {
    return with(FreshnessRule.NONE, Optional.empty());
  }

  public static AuthenticatorSettings with(FreshnessRule local, Optional<String> pinnedKey) {
    return new AuthenticatorSettings(
        URI.create(SERVICE),
        SERVICE + "/login",
        SERVICE + "/verify",
        SERVICE,
        "jira",
        pinnedKey,
        local,
        Set.of("rescue"),
        EnumSet.allOf(ApiClientSignal.class),
        "crowd2fa.assertion",
        new io.crowd2fa.crowd.CrowdClientConfig(
            "jira",
            new io.crowd2fa.crowd.Password("pw"),
            URI.create("http://localhost:8095/crowd"),
            Optional.empty(),
            "crowd.token_key",
            Optional.empty(),
            Duration.ofMinutes(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(20),
            20,
            Optional.empty()),
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        Duration.ofHours(1),
        Duration.ofSeconds(5));
  }

  /** A central policy: 8 hours for the product, 15 minutes under /secure/admin. */
  public static String policy() {
    return "{\"application\":\"jira\",\"maxAgeSeconds\":28800,"
        + "\"paths\":[{\"pattern\":\"/secure/admin/*\",\"maxAgeSeconds\":900}],\"version\":3}";
  }
}
