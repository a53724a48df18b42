package io.crowd2fa.plugin.login;

import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdResult;
import io.crowd2fa.crowd.CrowdSession;
import io.crowd2fa.crowd.SessionRequest;
import io.crowd2fa.crowd.SsoToken;
import io.crowd2fa.model.assertion.AssertionClaims;
import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.model.assertion.SessionBinding;
import io.crowd2fa.plugin.assertion.AssertionIssuer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Creates the Crowd SSO session ({@code validate-password=false}, the password was checked at the
 * first step) and the assertion bound to it. If the assertion cannot be made, the new session is
 * ended again: the browser gets both or neither (DESIGN D5).
 */
public final class SsoIssuer {

  private final CrowdClient crowd;
  private final AssertionIssuer assertions;
  private final Clock clock;
  private final Duration assertionLifetime;
  private final String issuer;

  public SsoIssuer(
      CrowdClient crowd,
      AssertionIssuer assertions,
      Clock clock,
      Duration assertionLifetime,
      String issuer) {
    this.crowd = crowd;
    this.assertions = assertions;
    this.clock = clock;
    this.assertionLifetime = assertionLifetime;
    this.issuer = issuer;
  }

  /** A new SSO session and assertion; empty when Crowd refuses the session (e.g. no access). */
  public Optional<SsoGrant> issueNewSession(
      String username, Set<AuthMethod> methods, Instant authTime, ClientInfo client) {
    CrowdResult<CrowdSession> created =
        crowd.createSession(SessionRequest.withoutPassword(username, client.validationFactors()));
    if (!(created instanceof CrowdResult.Ok<CrowdSession> ok)) {
      return Optional.empty();
    }
    SsoToken token = ok.value().token();
    try {
      return Optional.of(assertionFor(token, username, methods, authTime));
    } catch (RuntimeException e) {
      try {
        crowd.invalidateSession(token);
      } catch (RuntimeException invalidation) {
        e.addSuppressed(invalidation);
      }
      throw e;
    }
  }

  /** A fresh assertion for a token the user already holds (step-up of a stale assertion). */
  public SsoGrant assertionFor(
      SsoToken token, String username, Set<AuthMethod> methods, Instant authTime) {
    Instant now = clock.instant();
    AssertionClaims claims =
        new AssertionClaims(
            username,
            SessionBinding.of(token.value()),
            methods,
            authTime,
            now,
            now.plus(assertionLifetime),
            issuer);
    return new SsoGrant(token, assertions.issue(claims), claims.expiresAt());
  }
}
