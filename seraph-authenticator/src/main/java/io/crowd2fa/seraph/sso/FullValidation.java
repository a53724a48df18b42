package io.crowd2fa.seraph.sso;

import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdException;
import io.crowd2fa.crowd.CrowdResult;
import io.crowd2fa.crowd.CrowdSession;
import io.crowd2fa.crowd.SsoToken;
import io.crowd2fa.crowd.ValidationFactors;
import io.crowd2fa.model.assertion.AssertionClaims;
import io.crowd2fa.seraph.core.AssertionCheck;
import io.crowd2fa.seraph.core.AssertionVerifier;
import io.crowd2fa.seraph.core.FreshnessRule;
import io.crowd2fa.seraph.core.ProductPolicySource;
import java.security.Principal;
import java.time.Clock;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The slow path: assertion (local crypto), freshness (cached policy), then Crowd (one REST call),
 * then the product's own session establishment. Cheap local checks come first so a forged or stale
 * cookie never costs a Crowd call.
 */
final class FullValidation {

  private final AssertionVerifier verifier;
  private final ProductPolicySource policy;
  private final CrowdClient crowd;
  private final Clock clock;

  FullValidation(
      AssertionVerifier verifier, ProductPolicySource policy, CrowdClient crowd, Clock clock) {
    this.verifier = verifier;
    this.policy = policy;
    this.crowd = crowd;
    this.clock = clock;
  }

  Validation validate(
      HttpServletRequest request,
      HttpServletResponse response,
      String token,
      String assertion,
      ProductBridge product) {
    if (token == null || token.isBlank()) {
      return new Validation.NoToken();
    }
    AssertionCheck check = verifier.verify(assertion, token);
    if (check instanceof AssertionCheck.Rejected rejected) {
      return new Validation.StepUpNeeded("assertion " + rejected.reason());
    }
    AssertionClaims claims = ((AssertionCheck.Verified) check).claims();
    Optional<FreshnessRule> rule = policy.current();
    if (rule.isEmpty()) {
      return new Validation.Unavailable("no product policy could be loaded from the service");
    }
    if (!claims.isPolicyExemption() && tooOld(claims, rule.get(), request)) {
      return new Validation.StepUpNeeded("second factor older than this product allows");
    }
    Optional<String> crowdUser;
    try {
      crowdUser = crowdUser(token, request);
    } catch (CrowdException e) {
      return new Validation.Unavailable("Crowd could not validate the token: " + e.getMessage());
    }
    if (crowdUser.isEmpty()) {
      return new Validation.Refused("Crowd reports the SSO token invalid");
    }
    if (!crowdUser.get().equals(claims.subject())) {
      return new Validation.Refused("Crowd token user differs from the assertion subject");
    }
    Principal principal = product.findUser(claims.subject());
    if (principal == null) {
      return new Validation.Refused("user '" + claims.subject() + "' unknown to this product");
    }
    if (!product.establishSession(request, response, principal)) {
      return new Validation.Refused("user '" + claims.subject() + "' may not log in here");
    }
    request
        .getSession()
        .setAttribute(
            TwoFactorSso.SESSION_RECORD,
            new SessionRecord(
                token,
                claims.subject(),
                clock.millis(),
                claims.authTime().getEpochSecond(),
                claims.expiresAt().getEpochSecond(),
                claims.isPolicyExemption()));
    return new Validation.SignedIn(principal);
  }

  private boolean tooOld(AssertionClaims claims, FreshnessRule rule, HttpServletRequest request) {
    long age = clock.instant().getEpochSecond() - claims.authTime().getEpochSecond();
    return age > rule.maxAgeSeconds(request.getServletPath(), request.getPathInfo());
  }

  private Optional<String> crowdUser(String token, HttpServletRequest request) {
    CrowdResult<CrowdSession> result =
        crowd.validateSession(
            new SsoToken(token),
            ValidationFactors.fromRequest(
                request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
    if (result instanceof CrowdResult.Ok<CrowdSession> ok) {
      return ok.value().username();
    }
    return Optional.empty();
  }
}
