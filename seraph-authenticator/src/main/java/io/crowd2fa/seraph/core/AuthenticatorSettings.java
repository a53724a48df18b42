package io.crowd2fa.seraph.core;

import io.crowd2fa.crowd.CrowdClientConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the authenticator is configured with: {@code seraph-config.xml} init-params ({@link
 * SettingsReader} documents names and defaults) plus the product's {@code crowd.properties}.
 *
 * @param serviceBase the 2FA service, e.g. {@code http://localhost:8095/crowd/plugins/servlet/2fa}
 * @param loginUrl the central login page browsers and API clients are pointed at
 * @param stepUpUrl the service's second-factor-only page for a too old assertion
 * @param issuer the {@code iss} every assertion must carry
 * @param application this product's Crowd application name (the policy is fetched for it)
 * @param pinnedPublicKey an admin-pinned signing key (PEM); empty = keys from the service's JWKS
 * @param localFreshness a local rule that can only tighten the central policy
 * @param breakGlassUsers local accounts that may still sign in with a password
 * @param apiClientSignals the request traits that mark an API client
 * @param assertionCookie the assertion cookie's name
 * @param crowd the Crowd connection from {@code crowd.properties}
 * @param keyRefreshMinInterval the least time between two JWKS fetches for unknown {@code kid}s
 * @param cacheTtl how long keys and policy are used before they are fetched again
 * @param policyMaxStale how long a policy is still used after {@code cacheTtl} when the service
 *     cannot be reached; after that, nobody new is let in
 * @param serviceTimeout timeout of calls to the 2FA service
 */
public record AuthenticatorSettings(
    URI serviceBase,
    String loginUrl,
    String stepUpUrl,
    String issuer,
    String application,
    Optional<String> pinnedPublicKey,
    FreshnessRule localFreshness,
    Set<String> breakGlassUsers,
    Set<ApiClientSignal> apiClientSignals,
    String assertionCookie,
    CrowdClientConfig crowd,
    Duration keyRefreshMinInterval,
    Duration cacheTtl,
    Duration policyMaxStale,
    Duration serviceTimeout) {

  public AuthenticatorSettings {
    Objects.requireNonNull(serviceBase, "serviceBase");
    Objects.requireNonNull(loginUrl, "loginUrl");
    Objects.requireNonNull(stepUpUrl, "stepUpUrl");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(pinnedPublicKey, "pinnedPublicKey");
    Objects.requireNonNull(localFreshness, "localFreshness");
    breakGlassUsers = Set.copyOf(breakGlassUsers);
    apiClientSignals = Set.copyOf(apiClientSignals);
    Objects.requireNonNull(assertionCookie, "assertionCookie");
    Objects.requireNonNull(crowd, "crowd");
    Objects.requireNonNull(keyRefreshMinInterval, "keyRefreshMinInterval");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    Objects.requireNonNull(policyMaxStale, "policyMaxStale");
    Objects.requireNonNull(serviceTimeout, "serviceTimeout");
  }

  /** The Crowd SSO cookie name ({@code cookie.tokenkey}). */
  public String tokenCookie() {
    return crowd.cookieTokenKey();
  }

  /** {@code session.validationinterval}: how long a validation at Crowd is trusted. */
  public Duration validationInterval() {
    return crowd.sessionValidationInterval();
  }

  public boolean isBreakGlass(String username) {
    return username != null && breakGlassUsers.contains(username);
  }
}
