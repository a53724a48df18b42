package io.crowd2fa.seraph.core;

import io.crowd2fa.crowd.CookieDomain;
import io.crowd2fa.crowd.CrowdClientConfig;
import io.crowd2fa.crowd.CrowdException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the authenticator's {@code <init-param>}s from {@code seraph-config.xml}. Every problem is
 * collected (not just the first) so an admin fixes the file in one go; an unknown {@code
 * crowd2fa.*} name is a problem too, because a typo must not silently weaken anything.
 */
public final class SettingsReader {

  public static final String SERVICE_URL = "crowd2fa.service.url";
  public static final String LOGIN_URL = "crowd2fa.login.url";
  public static final String STEP_UP_URL = "crowd2fa.stepup.url";
  public static final String ISSUER = "crowd2fa.issuer";
  public static final String APPLICATION = "crowd2fa.application";
  public static final String PUBLIC_KEY = "crowd2fa.assertion.publicKey";
  public static final String ASSERTION_COOKIE = "crowd2fa.assertion.cookie";
  public static final String MAX_AGE = "crowd2fa.freshness.maxAgeSeconds";
  public static final String PATH_MAX_AGES = "crowd2fa.freshness.paths";
  public static final String BREAK_GLASS = "crowd2fa.breakglass.users";
  public static final String API_CLIENT_SIGNALS = "crowd2fa.apiclient.signals";
  public static final String CROWD_PROPERTIES = "crowd2fa.crowd.properties";
  public static final String KEY_REFRESH = "crowd2fa.keys.minRefreshSeconds";
  public static final String CACHE_TTL = "crowd2fa.cache.ttlSeconds";
  public static final String POLICY_MAX_STALE = "crowd2fa.policy.maxStaleSeconds";
  public static final String SERVICE_TIMEOUT = "crowd2fa.service.timeoutMillis";

  /**
   * The product's own base URL (optional). With {@code cookie.domain} in {@code crowd.properties}
   * it is checked at start that the domain covers the product and the service.
   */
  public static final String PRODUCT_URL = "crowd2fa.product.url";

  public static final String DEFAULT_ASSERTION_COOKIE = "crowd2fa.assertion";

  private static final Set<String> KNOWN =
      Set.of(
          SERVICE_URL,
          LOGIN_URL,
          STEP_UP_URL,
          ISSUER,
          APPLICATION,
          PUBLIC_KEY,
          ASSERTION_COOKIE,
          MAX_AGE,
          PATH_MAX_AGES,
          BREAK_GLASS,
          API_CLIENT_SIGNALS,
          CROWD_PROPERTIES,
          KEY_REFRESH,
          CACHE_TTL,
          POLICY_MAX_STALE,
          SERVICE_TIMEOUT,
          PRODUCT_URL);

  /** The outcome of reading the configuration. */
  public sealed interface Result {
    /** Usable settings. */
    record Valid(AuthenticatorSettings settings) implements Result {}

    /** What is wrong, one line each; the authenticator then refuses everyone. */
    record Invalid(List<String> problems) implements Result {
      public Invalid {
        problems = List.copyOf(problems);
      }
    }
  }

  private final Map<String, String> params;
  private final List<String> problems = new ArrayList<>();

  private SettingsReader(Map<String, String> params) {
    this.params = params;
  }

  /**
   * @param crowdPropertiesLoader loads {@code crowd.properties} from the given path, or from the
   *     class path when empty; throws a {@link CrowdException} when it is missing or wrong
   */
  public static Result read(
      Map<String, String> params,
      Function<Optional<String>, CrowdClientConfig> crowdPropertiesLoader) {
    return new SettingsReader(params == null ? Map.of() : params).read(crowdPropertiesLoader);
  }

  private Result read(Function<Optional<String>, CrowdClientConfig> crowdPropertiesLoader) {
    params.keySet().stream()
        .filter(name -> name.startsWith("crowd2fa.") && !KNOWN.contains(name))
        .forEach(name -> problems.add("unknown init-param " + name));
    CrowdClientConfig crowd = null;
    try {
      crowd = crowdPropertiesLoader.apply(text(CROWD_PROPERTIES));
    } catch (CrowdException | IllegalArgumentException e) {
      problems.add("crowd.properties: " + e.getMessage());
    }
    Optional<URI> service = text(SERVICE_URL).flatMap(value -> httpUrl(SERVICE_URL, value));
    if (text(SERVICE_URL).isEmpty()) {
      problems.add(SERVICE_URL + " is required (the Crowd2FA service base URL)");
    }
    FreshnessRule local = localFreshness();
    Set<ApiClientSignal> signals = apiClientSignals();
    Optional<String> pinned = pinnedKey();
    Duration keyRefresh = seconds(KEY_REFRESH, 30);
    Duration ttl = seconds(CACHE_TTL, 300);
    Duration maxStale = seconds(POLICY_MAX_STALE, 3600);
    Duration timeout = Duration.ofMillis(positive(SERVICE_TIMEOUT, 5000));
    if (service.isPresent() && crowd != null) {
      requireCookiesReachProduct(crowd, service.get());
    }
    if (!problems.isEmpty() || service.isEmpty() || crowd == null) {
      return new Result.Invalid(problems);
    }
    String base = service.get().toString();
    return new Result.Valid(
        new AuthenticatorSettings(
            service.get(),
            text(LOGIN_URL).orElse(base + "/login"),
            text(STEP_UP_URL).orElse(base + "/verify"),
            text(ISSUER).orElse(base),
            text(APPLICATION).orElse(crowd.applicationName()),
            pinned,
            local,
            list(BREAK_GLASS),
            signals,
            text(ASSERTION_COOKIE).orElse(DEFAULT_ASSERTION_COOKIE),
            crowd,
            keyRefresh,
            ttl,
            maxStale,
            timeout));
  }

  /**
   * The service sets the SSO cookie and the assertion on {@code cookie.domain}; a domain that does
   * not reach this product would refuse every sign-in here, so it is refused at start. Without
   * {@code cookie.domain} the domain is Crowd's own, which is not known before Crowd answers.
   */
  private void requireCookiesReachProduct(CrowdClientConfig crowd, URI service) {
    Optional<URI> product = text(PRODUCT_URL).flatMap(value -> httpUrl(PRODUCT_URL, value));
    if (product.isEmpty() || crowd.cookieDomain().isEmpty()) {
      return;
    }
    CookieDomain.problems(crowd.cookieDomain(), service, List.of(product.get())).stream()
        .map(problem -> "crowd.properties cookie.domain: " + problem)
        .forEach(problems::add);
  }

  private FreshnessRule localFreshness() {
    Optional<Duration> maxAge =
        text(MAX_AGE).isPresent() ? Optional.of(seconds(MAX_AGE, 1)) : Optional.empty();
    List<PathRule> rules = new ArrayList<>();
    for (String entry : list(PATH_MAX_AGES)) {
      int equals = entry.lastIndexOf('=');
      try {
        rules.add(
            new PathRule(
                new PathPattern(entry.substring(0, Math.max(equals, 0)).trim()),
                Duration.ofSeconds(Long.parseLong(entry.substring(equals + 1).trim()))));
      } catch (IllegalArgumentException e) {
        problems.add(PATH_MAX_AGES + ": '" + entry + "' is not <pattern>=<seconds>");
      }
    }
    return new FreshnessRule(maxAge, rules);
  }

  private Set<ApiClientSignal> apiClientSignals() {
    if (text(API_CLIENT_SIGNALS).isEmpty()) {
      return EnumSet.allOf(ApiClientSignal.class);
    }
    Set<ApiClientSignal> signals = EnumSet.noneOf(ApiClientSignal.class);
    for (String name : list(API_CLIENT_SIGNALS)) {
      ApiClientSignal.fromConfigName(name)
          .ifPresentOrElse(
              signals::add,
              () -> problems.add(API_CLIENT_SIGNALS + ": unknown signal '" + name + "'"));
    }
    return signals;
  }

  private Optional<String> pinnedKey() {
    Optional<String> pem = text(PUBLIC_KEY);
    pem.ifPresent(
        value -> {
          try {
            EcP256.fromPem(value);
          } catch (SeraphAuthenticatorException e) {
            problems.add(PUBLIC_KEY + ": " + e.getMessage());
          }
        });
    return pem;
  }

  private Optional<URI> httpUrl(String name, String value) {
    try {
      URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (IllegalArgumentException e) {
      problems.add(name + ": " + e.getMessage());
      return Optional.empty();
    }
    problems.add(name + " must be an absolute http(s) URL");
    return Optional.empty();
  }

  private Duration seconds(String name, long defaultValue) {
    return Duration.ofSeconds(positive(name, defaultValue));
  }

  private long positive(String name, long defaultValue) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      long parsed = Long.parseLong(value.get());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      problems.add(name + " must be a positive integer");
      return defaultValue;
    }
    problems.add(name + " must be a positive integer");
    return defaultValue;
  }

  private Set<String> list(String name) {
    Set<String> values = new LinkedHashSet<>();
    for (String part : text(name).orElse("").split(",")) {
      if (!part.isBlank()) {
        values.add(part.trim());
      }
    }
    return values;
  }

  private Optional<String> text(String name) {
    String value = params.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
