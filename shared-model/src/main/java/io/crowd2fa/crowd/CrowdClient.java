package io.crowd2fa.crowd;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

/**
 * Crowd's REST API {@code usermanagement/1} as one Crowd application (HTTP Basic with the
 * application's name and password). Thread-safe; create one per application and share it.
 *
 * <p>Expected outcomes are {@link CrowdResult}s keyed on Crowd's error {@code reason}; faults throw
 * a {@link CrowdException}: {@link CrowdUnreachableException} (down, stalled past the timeouts),
 * {@link CrowdProtocolException} (garbage), {@link CrowdApplicationAuthenticationException} (401),
 * {@link CrowdProxyAuthenticationException} (the proxy's 407).
 */
public interface CrowdClient {

  /**
   * A client on the JDK {@link HttpClient}, with the connect and answer timeouts of {@code config}.
   *
   * @throws CrowdConfigurationException if {@code config} has proxy credentials this JVM would
   *     never send to the proxy (see {@code jdk.http.auth.tunneling.disabledSchemes})
   */
  static CrowdClient create(CrowdClientConfig config) {
    return new HttpCrowdClient(config);
  }

  CrowdClientConfig config();

  /**
   * Checks a user's password without creating an SSO session ({@code POST /authentication}).
   * Rejections: {@code INVALID_USER_AUTHENTICATION}, {@code INACTIVE_ACCOUNT}, {@code
   * EXPIRED_CREDENTIAL}, {@code USER_NOT_FOUND}.
   */
  CrowdResult<CrowdUser> authenticate(String username, Password password);

  /**
   * Creates an SSO session ({@code POST /session}). Rejections: {@code
   * INVALID_USER_AUTHENTICATION}, {@code INACTIVE_ACCOUNT}, {@code EXPIRED_CREDENTIAL}, {@code
   * APPLICATION_ACCESS_DENIED}, {@code USER_NOT_FOUND}.
   */
  CrowdResult<CrowdSession> createSession(SessionRequest request);

  /**
   * Validates an SSO token with the client's validation factors ({@code POST /session/{token}}),
   * which also extends the session. Rejections: {@code INVALID_SSO_TOKEN} (unknown, expired,
   * invalidated, or factors inconsistent), {@code APPLICATION_ACCESS_DENIED}.
   */
  CrowdResult<CrowdSession> validateSession(SsoToken token, ValidationFactors validationFactors);

  /**
   * Reads an SSO session without validating it ({@code GET /session/{token}}), with the user when
   * {@code expandUser} ({@code ?expand=user}). Rejection: {@code INVALID_SSO_TOKEN}.
   */
  CrowdResult<CrowdSession> getSession(SsoToken token, boolean expandUser);

  /** Ends an SSO session ({@code DELETE /session/{token}}); succeeds also for an unknown token. */
  void invalidateSession(SsoToken token);

  /**
   * Ends all SSO sessions of a user but {@code exclude} ({@code DELETE
   * /session?username=&exclude=}). A user Crowd does not know ({@code USER_NOT_FOUND}) has none, so
   * that answer returns normally.
   *
   * @throws CrowdProtocolException when the Crowd server is too old to support it (405)
   */
  void invalidateSessionsOfUser(String username, Optional<SsoToken> exclude);

  /** {@code GET /user?username=}. Rejection: {@code USER_NOT_FOUND}. */
  CrowdResult<CrowdUser> getUser(String username);

  /**
   * Names of the groups the user is in directly or through nesting ({@code /user/group/nested}),
   * all of them: read page by page with {@code start-index} / {@code max-results}, as Crowd hands
   * out at most 1000 a call. Rejection: {@code USER_NOT_FOUND}.
   */
  CrowdResult<List<String>> getNestedGroupNames(String username);

  /** Names of the groups the user is a direct member of ({@code /user/group/direct}), paged. */
  CrowdResult<List<String>> getDirectGroupNames(String username);

  /** Crowd's SSO cookie configuration ({@code GET /config/cookie}). */
  CookieConfiguration getCookieConfiguration();
}
