package io.crowd2fa.plugin.login;

import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdResult;
import io.crowd2fa.crowd.CrowdSession;
import io.crowd2fa.crowd.CrowdUser;
import io.crowd2fa.crowd.SsoToken;
import io.crowd2fa.model.assertion.AssertionClaims;
import io.crowd2fa.plugin.assertion.AssertionReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may use the self-service account page: a user with a Crowd token that Crowd still accepts and
 * an assertion signed by this service, bound to that token and naming the same user.
 */
public final class AccountAccess {

  /** How recent the second factor must be for a change to the user's factors. */
  public static final Duration FRESHNESS = Duration.ofMinutes(15);

  private final CrowdClient crowd;
  private final AssertionReader assertions;
  private final LoginAudit audit;
  private final Clock clock;

  public AccountAccess(
      CrowdClient crowd, AssertionReader assertions, LoginAudit audit, Clock clock) {
    this.crowd = crowd;
    this.assertions = assertions;
    this.audit = audit;
    this.clock = clock;
  }

  /** The outcome of checking the browser's cookies. */
  public sealed interface Access {
    /**
     * Signed in as {@code username}, whose last second factor was at {@code authTime}. {@code
     * ceremonyId} names this sign-in (a hash of the assertion it completed with) so a security key
     * registration started here can only be finished by the same browser. The Crowd token would not
     * do: Crowd hands the same token to every login of a user with the same validation factors.
     */
    record SignedIn(String username, Instant authTime, String ceremonyId) implements Access {
      public SignedIn {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(ceremonyId, "ceremonyId");
      }
    }

    /** No Crowd token, or Crowd no longer accepts it: the user must sign in. */
    record NotSignedIn() implements Access {}

    /** A valid token but no assertion of ours bound to it for this user: a step-up is needed. */
    record NoAssertion() implements Access {}
  }

  public Access check(
      Optional<String> heldToken, Optional<String> heldAssertion, ClientInfo client) {
    if (heldToken.isEmpty()) {
      return new Access.NotSignedIn();
    }
    CrowdResult<CrowdSession> validated =
        crowd.validateSession(new SsoToken(heldToken.get()), client.validationFactors());
    Optional<String> username =
        validated instanceof CrowdResult.Ok<CrowdSession> ok
            ? ok.value().user().map(CrowdUser::name)
            : Optional.empty();
    if (username.isEmpty()) {
      audit.failure(LoginAudit.ACCOUNT_REJECTED, null, client, "Crowd token not valid");
      return new Access.NotSignedIn();
    }
    Optional<AssertionClaims> claims =
        heldAssertion.flatMap(a -> assertions.validFor(a, heldToken.get()));
    if (claims.isEmpty() || !claims.get().subject().equals(username.get())) {
      audit.failure(
          LoginAudit.ACCOUNT_REJECTED,
          username.get(),
          client,
          heldAssertion.isEmpty() ? "no assertion" : "assertion not valid for this session");
      return new Access.NoAssertion();
    }
    if (claims.get().isPolicyExemption()) {
      // An exempted login proved no second factor, so it cannot manage second factors.
      audit.failure(LoginAudit.ACCOUNT_REJECTED, username.get(), client, "no second factor");
      return new Access.NoAssertion();
    }
    return new Access.SignedIn(
        username.get(), claims.get().authTime(), ceremonyIdFor(heldAssertion.get()));
  }

  /** Prefixed so it can never equal a login transaction's handle hash in the challenge store. */
  private static String ceremonyIdFor(String assertion) {
    return "account:" + LoginHandles.hash(assertion);
  }

  /**
   * Whether {@code signedIn} passed a second factor recently enough to change factors; a stale one
   * is audited as a refused {@code change}.
   */
  public boolean freshEnough(Access.SignedIn signedIn, String change, ClientInfo client) {
    if (!signedIn.authTime().plus(FRESHNESS).isBefore(clock.instant())) {
      return true;
    }
    audit.failure(
        LoginAudit.ACCOUNT_REJECTED,
        signedIn.username(),
        client,
        change + ": second factor older than " + FRESHNESS.toMinutes() + " min");
    return false;
  }
}
