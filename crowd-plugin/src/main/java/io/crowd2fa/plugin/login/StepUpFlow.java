package io.crowd2fa.plugin.login;

import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdResult;
import io.crowd2fa.crowd.CrowdSession;
import io.crowd2fa.crowd.CrowdUser;
import io.crowd2fa.crowd.SsoToken;
import io.crowd2fa.model.assertion.AssertionClaims;
import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.model.assertion.SessionBinding;
import io.crowd2fa.plugin.assertion.AssertionReader;
import io.crowd2fa.plugin.policy.FactorType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Step-up (DESIGN D3): a user holds a valid Crowd token but no assertion, or one too old for the
 * product. Only the second factor is asked; a token that had no assertion is replaced by a new one.
 */
public final class StepUpFlow {

  private final CrowdClient crowd;
  private final AssertionReader assertions;
  private final SecondFactors factors;
  private final LoginTransactionStore transactions;
  private final LoginHandles handles;
  private final LoginAudit audit;
  private final Clock clock;
  private final Duration loginLifetime;

  public StepUpFlow(
      CrowdClient crowd,
      AssertionReader assertions,
      SecondFactors factors,
      LoginTransactionStore transactions,
      LoginHandles handles,
      LoginAudit audit,
      Clock clock,
      Duration loginLifetime) {
    this.crowd = crowd;
    this.assertions = assertions;
    this.factors = factors;
    this.transactions = transactions;
    this.handles = handles;
    this.audit = audit;
    this.clock = clock;
    this.loginLifetime = loginLifetime;
  }

  public LoginOutcome start(
      Optional<String> heldToken,
      Optional<String> heldAssertion,
      Optional<URI> destination,
      ClientInfo client) {
    if (heldToken.isEmpty()) {
      return new LoginOutcome.FullLoginNeeded(destination);
    }
    CrowdResult<CrowdSession> validated =
        crowd.validateSession(new SsoToken(heldToken.get()), client.validationFactors());
    Optional<String> username =
        validated instanceof CrowdResult.Ok<CrowdSession> ok
            ? ok.value().user().map(CrowdUser::name)
            : Optional.empty();
    if (username.isEmpty()) {
      audit.failure(LoginAudit.STEP_UP_REJECTED, null, client, "Crowd token not valid");
      return new LoginOutcome.FullLoginNeeded(destination);
    }
    Set<FactorType> enrolled = factors.enrolledFactors(username.get());
    if (enrolled.isEmpty()) {
      // Without a factor there is nothing to step up with; a token alone (perhaps made by a
      // script with application credentials) never replaces the password.
      audit.failure(LoginAudit.STEP_UP_REJECTED, username.get(), client, "no factor enrolled");
      return new LoginOutcome.FullLoginNeeded(destination);
    }
    Optional<AssertionClaims> current =
        heldAssertion.flatMap(a -> assertions.validFor(a, heldToken.get()));
    LoginPurpose purpose =
        current.isPresent() ? LoginPurpose.STEP_UP_REFRESH : LoginPurpose.STEP_UP_ROTATE;
    Set<AuthMethod> proven =
        current.isPresent() && current.get().methods().contains(AuthMethod.PASSWORD)
            ? EnumSet.of(AuthMethod.PASSWORD)
            : EnumSet.noneOf(AuthMethod.class);
    String handle = handles.newHandle();
    Instant now = clock.instant();
    transactions.insert(
        new LoginTransaction(
            LoginHandles.hash(handle),
            username.get(),
            client.address(),
            purpose,
            LoginStage.SECOND_FACTOR,
            proven,
            enrolled,
            destination,
            Optional.of(SessionBinding.of(heldToken.get())),
            now,
            now.plus(loginLifetime),
            0));
    audit.success(LoginAudit.STEP_UP_STARTED, username.get(), client, purpose.name());
    return new LoginOutcome.Proceed(handle, LoginStage.SECOND_FACTOR);
  }
}
