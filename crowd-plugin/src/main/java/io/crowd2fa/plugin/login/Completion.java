package io.crowd2fa.plugin.login;

import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.SsoToken;
import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.model.assertion.SessionBinding;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The last step of every login: the transaction moves to {@link LoginStage#COMPLETED} exactly once
 * (a conditional update, so a replayed or raced request loses), and only then are the SSO session
 * and the assertion made.
 */
public final class Completion {

  private final LoginTransactionStore transactions;
  private final SsoIssuer issuer;
  private final CrowdClient crowd;
  private final LoginAudit audit;
  private final Clock clock;

  public Completion(
      LoginTransactionStore transactions,
      SsoIssuer issuer,
      CrowdClient crowd,
      LoginAudit audit,
      Clock clock) {
    this.transactions = transactions;
    this.issuer = issuer;
    this.crowd = crowd;
    this.audit = audit;
    this.clock = clock;
  }

  /** Completes {@code tx} with {@code method} newly proven. */
  public LoginOutcome complete(
      LoginTransaction tx, AuthMethod method, ClientInfo client, Optional<String> heldToken) {
    LoginTransaction done = tx.advancedTo(LoginStage.COMPLETED, Set.of(method));
    Instant now = clock.instant();
    if (!transactions.transition(tx, done, now)) {
      audit.failure(LoginAudit.STEP_REJECTED, tx.username(), client, "login already completed");
      return new LoginOutcome.NoLogin();
    }
    return switch (tx.purpose()) {
      case LOGIN -> login(done, client, heldToken);
      case STEP_UP_REFRESH -> refresh(done, client, heldToken);
      case STEP_UP_ROTATE -> rotate(done, client, heldToken);
    };
  }

  /** Completes a login the policy exempted: no transaction was ever stored. */
  public LoginOutcome completeWithoutTransaction(
      String username,
      Set<AuthMethod> methods,
      Optional<URI> destination,
      ClientInfo client,
      Optional<String> heldToken) {
    heldToken.ifPresent(token -> crowd.invalidateSession(new SsoToken(token)));
    return issuer
        .issueNewSession(username, methods, clock.instant(), client)
        .<LoginOutcome>map(grant -> completed(username, methods, grant, destination, client))
        .orElseGet(() -> refused(username, client));
  }

  private LoginOutcome login(LoginTransaction done, ClientInfo client, Optional<String> held) {
    // Crowd hands out the existing token for the same user and validation factors; a token the
    // browser already holds (perhaps planted) is ended first so the login gets a fresh one.
    held.ifPresent(token -> crowd.invalidateSession(new SsoToken(token)));
    return newSession(done, client);
  }

  private LoginOutcome newSession(LoginTransaction done, ClientInfo client) {
    return issuer
        .issueNewSession(done.username(), done.proven(), clock.instant(), client)
        .<LoginOutcome>map(
            grant -> completed(done.username(), done.proven(), grant, done.destination(), client))
        .orElseGet(() -> refused(done.username(), client));
  }

  private LoginOutcome refresh(LoginTransaction done, ClientInfo client, Optional<String> held) {
    Optional<SsoToken> token = boundToken(done, held, client);
    if (token.isEmpty()) {
      return new LoginOutcome.NoLogin();
    }
    SsoGrant grant =
        issuer.assertionFor(token.get(), done.username(), done.proven(), clock.instant());
    return completed(done.username(), done.proven(), grant, done.destination(), client);
  }

  private LoginOutcome rotate(LoginTransaction done, ClientInfo client, Optional<String> held) {
    Optional<SsoToken> old = boundToken(done, held, client);
    if (old.isEmpty()) {
      return new LoginOutcome.NoLogin();
    }
    // The token was made without a second factor: it must not outlive the step-up. It ends before
    // the new session is made because Crowd would otherwise hand the same token back.
    crowd.invalidateSession(old.get());
    return newSession(done, client);
  }

  private Optional<SsoToken> boundToken(
      LoginTransaction done, Optional<String> held, ClientInfo client) {
    boolean bound =
        held.isPresent()
            && done.tokenBinding().isPresent()
            && SessionBinding.matches(done.tokenBinding().get(), held.get());
    if (!bound) {
      audit.failure(
          LoginAudit.STEP_UP_REJECTED, done.username(), client, "token changed during step-up");
      return Optional.empty();
    }
    return Optional.of(new SsoToken(held.get()));
  }

  private LoginOutcome completed(
      String username,
      Set<AuthMethod> methods,
      SsoGrant grant,
      Optional<URI> destination,
      ClientInfo client) {
    String amr =
        methods.stream().sorted().map(AuthMethod::claimValue).collect(Collectors.joining(","));
    audit.success(LoginAudit.COMPLETED, username, client, "amr=" + amr);
    return new LoginOutcome.Completed(grant, destination);
  }

  private LoginOutcome refused(String username, ClientInfo client) {
    audit.failure(
        LoginAudit.COMPLETION_FAILED, username, client, "Crowd refused to create the SSO session");
    return new LoginOutcome.Denied(Optional.empty());
  }
}
