package io.crowd2fa.plugin.login;

import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdResult;
import io.crowd2fa.crowd.CrowdUser;
import io.crowd2fa.crowd.Password;
import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.plugin.policy.FactorType;
import io.crowd2fa.plugin.policy.PolicyDecision;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The central login (DESIGN D2): password at Crowd, then the policy, then a second factor or
 * enrolment, then completion. Until completion the only state is a server-side {@link
 * LoginTransaction}; no SSO token or assertion exists.
 */
public final class LoginFlow {

  /** The stages at which the challenge page asks for a factor the user has. */
  public static final Set<LoginStage> CHALLENGE_STAGES =
      Arrays.stream(LoginStage.values())
          .filter(LoginStage::asksForSecondFactor)
          .collect(Collectors.toUnmodifiableSet());

  private final CrowdClient crowd;
  private final PasswordThrottle throttle;
  private final LoginTransactionStore transactions;
  private final LoginHandles handles;
  private final PolicyGate policy;
  private final SecondFactors factors;
  private final Completion completion;
  private final LoginAudit audit;
  private final Clock clock;
  private final Duration loginLifetime;
  private final ApplicationResolver applications;

  public LoginFlow(
      CrowdClient crowd,
      PasswordThrottle throttle,
      LoginTransactionStore transactions,
      LoginHandles handles,
      PolicyGate policy,
      SecondFactors factors,
      Completion completion,
      LoginAudit audit,
      Clock clock,
      Duration loginLifetime,
      ApplicationResolver applications) {
    this.crowd = crowd;
    this.throttle = throttle;
    this.transactions = transactions;
    this.handles = handles;
    this.policy = policy;
    this.factors = factors;
    this.completion = completion;
    this.audit = audit;
    this.clock = clock;
    this.loginLifetime = loginLifetime;
    this.applications = applications;
  }

  /** Step one: the password, checked at Crowd, then the policy decides what comes next. */
  public LoginOutcome submitPassword(
      String username,
      Password password,
      Optional<URI> destination,
      ClientInfo client,
      Optional<String> heldToken) {
    if (!throttle.tryAcquire(client.address(), username)) {
      audit.failure(LoginAudit.PASSWORD_THROTTLED, username, client, "password step limit reached");
      return new LoginOutcome.Throttled();
    }
    CrowdResult<CrowdUser> checked = crowd.authenticate(username, password);
    if (checked instanceof CrowdResult.Rejected<CrowdUser> rejected) {
      audit.failure(LoginAudit.PASSWORD_REJECTED, username, client, rejected.reason().name());
      return new LoginOutcome.InvalidCredentials();
    }
    CrowdUser user = ((CrowdResult.Ok<CrowdUser>) checked).value();
    if (!user.active()) {
      audit.failure(LoginAudit.PASSWORD_REJECTED, username, client, "INACTIVE_ACCOUNT");
      return new LoginOutcome.InvalidCredentials();
    }
    throttle.succeeded(user.name());
    audit.success(LoginAudit.PASSWORD_ACCEPTED, user.name(), client, "password checked at Crowd");
    return afterPassword(user.name(), destination, client, heldToken);
  }

  private LoginOutcome afterPassword(
      String username, Optional<URI> destination, ClientInfo client, Optional<String> heldToken) {
    Set<FactorType> enrolled = factors.enrolledFactors(username);
    PolicyDecision decision =
        policy.decide(
            username,
            groupsOf(username),
            applications.applicationFor(destination),
            client,
            enrolled,
            clock.instant());
    if (decision instanceof PolicyDecision.Exempt exempt) {
      audit.success(LoginAudit.POLICY_EXEMPT, username, client, "rule " + exempt.rule());
      return completion.completeWithoutTransaction(
          username, EnumSet.of(AuthMethod.PASSWORD), destination, client, heldToken);
    }
    if (decision instanceof PolicyDecision.Deny deny) {
      audit.failure(
          LoginAudit.POLICY_DENIED, username, client, "rule " + deny.rule() + ": " + deny.reason());
      return new LoginOutcome.Denied(Optional.of(deny.reason()));
    }
    if (decision instanceof PolicyDecision.Require2fa require) {
      return start(
          username, LoginStage.SECOND_FACTOR, require.allowedFactors(), destination, client);
    }
    PolicyDecision.RequireEnrolment enrol = (PolicyDecision.RequireEnrolment) decision;
    boolean maySkip = enrol.graceLeft().maySkip();
    LoginStage stage;
    if (enrolled.isEmpty()) {
      stage = maySkip ? LoginStage.ENROL_OPTIONAL : LoginStage.ENROL_REQUIRED;
    } else {
      stage = maySkip ? LoginStage.PROVE_THEN_OPTIONAL_ENROL : LoginStage.PROVE_THEN_ENROL;
    }
    return start(username, stage, enrol.allowedFactors(), destination, client);
  }

  private Set<String> groupsOf(String username) {
    CrowdResult<List<String>> groups = crowd.getNestedGroupNames(username);
    if (groups instanceof CrowdResult.Ok<List<String>> ok) {
      return new HashSet<>(ok.value());
    }
    // Deciding without the groups could exempt someone a group rule would catch: fail closed.
    throw new LoginFault("Crowd did not return the groups of a user whose password it accepted");
  }

  private LoginOutcome start(
      String username,
      LoginStage stage,
      Set<FactorType> allowed,
      Optional<URI> destination,
      ClientInfo client) {
    String handle = handles.newHandle();
    Instant now = clock.instant();
    transactions.insert(
        new LoginTransaction(
            LoginHandles.hash(handle),
            username,
            client.address(),
            LoginPurpose.LOGIN,
            stage,
            EnumSet.of(AuthMethod.PASSWORD),
            allowed,
            destination,
            Optional.empty(),
            now,
            now.plus(loginLifetime),
            0));
    return new LoginOutcome.Proceed(handle, stage);
  }

  /** The live transaction of {@code handle} if it is at one of {@code stages}. */
  public Optional<LoginTransaction> live(String handle, Set<LoginStage> stages) {
    if (!LoginHandles.isWellFormed(handle)) {
      return Optional.empty();
    }
    return transactions
        .find(LoginHandles.hash(handle))
        .filter(tx -> !tx.isExpiredAt(clock.instant()))
        .filter(tx -> stages.contains(tx.stage()));
  }

  /** Security key: the options for the browser, bound to this login's transaction. */
  public Optional<String> startSecurityKey(String handle, ClientInfo client) {
    return live(handle, CHALLENGE_STAGES)
        .filter(tx -> tx.mayProveWith(FactorType.WEBAUTHN))
        .flatMap(tx -> factors.startSecurityKey(tx.username(), tx.handleHash(), client));
  }

  /** Step two: a TOTP code, a recovery code or a security key's answer, for this login's user. */
  public LoginOutcome submitSecondFactor(
      String handle,
      AuthMethod method,
      String code,
      ClientInfo client,
      Optional<String> heldToken) {
    Optional<LoginTransaction> found = live(handle, CHALLENGE_STAGES);
    if (found.isEmpty()) {
      audit.failure(LoginAudit.STEP_REJECTED, null, client, "second factor without a live login");
      return new LoginOutcome.NoLogin();
    }
    LoginTransaction tx = found.get();
    FactorCheck check =
        switch (method) {
          case OTP ->
              tx.mayProveWith(FactorType.TOTP)
                  ? factors.verifyTotp(tx.username(), code, client)
                  : new FactorCheck.Rejected();
          case RECOVERY_CODE -> factors.verifyRecoveryCode(tx.username(), code, client);
          case HARDWARE_KEY ->
              tx.mayProveWith(FactorType.WEBAUTHN)
                  ? factors.verifySecurityKey(tx.username(), tx.handleHash(), code, client)
                  : new FactorCheck.Rejected();
          default -> throw new IllegalArgumentException("not a code method: " + method);
        };
    if (check instanceof FactorCheck.Verified verified) {
      return tx.stage().provesBeforeEnrolment()
          ? provenBeforeEnrolment(handle, tx, verified.method(), client)
          : completion.complete(tx, verified.method(), client, heldToken);
    }
    if (check instanceof FactorCheck.LockedOut locked) {
      audit.failure(
          LoginAudit.SECOND_FACTOR_REJECTED,
          tx.username(),
          client,
          method.claimValue() + " locked out");
      return new LoginOutcome.LockedOut(locked.until());
    }
    audit.failure(
        LoginAudit.SECOND_FACTOR_REJECTED,
        tx.username(),
        client,
        method.claimValue() + " rejected");
    return new LoginOutcome.WrongCode(handle, tx.stage());
  }

  private LoginOutcome provenBeforeEnrolment(
      String handle, LoginTransaction tx, AuthMethod method, ClientInfo client) {
    LoginStage enrol = tx.stage().enrolmentAfterProof();
    if (!transactions.transition(tx, tx.advancedTo(enrol, Set.of(method)), clock.instant())) {
      audit.failure(
          LoginAudit.STEP_REJECTED, tx.username(), client, "proof before enrolment raced");
      return new LoginOutcome.NoLogin();
    }
    return new LoginOutcome.Proceed(handle, enrol);
  }

  /** Enrolment: a new TOTP secret for the user of this transaction. */
  public LoginOutcome startTotpEnrolment(String handle, ClientInfo client) {
    Optional<LoginTransaction> found = enrolling(handle, client, FactorType.TOTP);
    if (found.isEmpty()) {
      return new LoginOutcome.NoLogin();
    }
    return new LoginOutcome.EnrolTotp(
        handle,
        factors.startTotpEnrolment(
            found.get().username(), SecondFactors.DEFAULT_TOTP_NICKNAME, client));
  }

  /** Enrolment: the first code from the app activates TOTP; the recovery codes follow. */
  public LoginOutcome finishTotpEnrolment(
      String handle,
      UUID credentialId,
      String code,
      ClientInfo client,
      Optional<String> heldToken) {
    Optional<LoginTransaction> found = enrolling(handle, client, FactorType.TOTP);
    if (found.isEmpty()) {
      return new LoginOutcome.NoLogin();
    }
    LoginTransaction tx = found.get();
    return enrolled(
        handle,
        tx,
        AuthMethod.OTP,
        factors.finishTotpEnrolment(tx.username(), credentialId, code, client),
        client,
        heldToken);
  }

  private LoginOutcome enrolled(
      String handle,
      LoginTransaction tx,
      AuthMethod method,
      SecondFactors.EnrolmentCheck check,
      ClientInfo client,
      Optional<String> heldToken) {
    if (!(check instanceof SecondFactors.EnrolmentCheck.Enrolled enrolled)) {
      audit.failure(
          LoginAudit.SECOND_FACTOR_REJECTED,
          tx.username(),
          client,
          method.claimValue()
              + (check instanceof SecondFactors.EnrolmentCheck.KeyNotAllowed
                  ? " enrolment rejected: key not allowed by the attestation rules"
                  : " enrolment rejected"));
      return check instanceof SecondFactors.EnrolmentCheck.KeyNotAllowed
          ? new LoginOutcome.KeyNotAllowed(handle, tx.stage())
          : new LoginOutcome.WrongCode(handle, tx.stage());
    }
    if (enrolled.firstRecoveryCodes().isEmpty()) {
      return completion.complete(tx, method, client, heldToken);
    }
    LoginTransaction next = tx.advancedTo(LoginStage.RECOVERY_CODES, Set.of(method));
    if (!transactions.transition(tx, next, clock.instant())) {
      audit.failure(LoginAudit.STEP_REJECTED, tx.username(), client, "enrolment raced");
      return new LoginOutcome.NoLogin();
    }
    return new LoginOutcome.RecoveryCodes(handle, enrolled.firstRecoveryCodes());
  }

  /** Enrolment: options to register a security key for the user of this transaction. */
  public Optional<String> startSecurityKeyEnrolment(String handle, ClientInfo client) {
    return enrolling(handle, client, FactorType.WEBAUTHN)
        .map(tx -> factors.startSecurityKeyRegistration(tx.username(), tx.handleHash(), client));
  }

  /** Enrolment: the browser's new key, named {@code nickname}; the recovery codes follow. */
  public LoginOutcome finishSecurityKeyEnrolment(
      String handle,
      String responseJson,
      String nickname,
      ClientInfo client,
      Optional<String> heldToken) {
    Optional<LoginTransaction> found = enrolling(handle, client, FactorType.WEBAUTHN);
    if (found.isEmpty()) {
      return new LoginOutcome.NoLogin();
    }
    LoginTransaction tx = found.get();
    return enrolled(
        handle,
        tx,
        AuthMethod.HARDWARE_KEY,
        factors.finishSecurityKeyRegistration(
            tx.username(), tx.handleHash(), responseJson, nickname, client),
        client,
        heldToken);
  }

  /** Enrolment: the user confirmed the recovery codes are saved; the login completes. */
  public LoginOutcome confirmRecoveryCodes(
      String handle, ClientInfo client, Optional<String> heldToken) {
    Optional<LoginTransaction> found = live(handle, Set.of(LoginStage.RECOVERY_CODES));
    if (found.isEmpty()) {
      audit.failure(LoginAudit.STEP_REJECTED, null, client, "confirmation without a live login");
      return new LoginOutcome.NoLogin();
    }
    // The factor just enrolled was proven when the codes were shown; completion adds nothing new.
    AuthMethod enrolled =
        found.get().proven().stream()
            .filter(AuthMethod::isSecondFactor)
            .findFirst()
            .orElseThrow(() -> new LoginFault("recovery codes shown without an enrolled factor"));
    return completion.complete(found.get(), enrolled, client, heldToken);
  }

  /** Enrolment skipped while grace lasts: the login completes as an exemption ({@code pwd}). */
  public LoginOutcome skipEnrolment(String handle, ClientInfo client, Optional<String> heldToken) {
    Optional<LoginTransaction> found = live(handle, Set.of(LoginStage.ENROL_OPTIONAL));
    if (found.isEmpty()) {
      audit.failure(LoginAudit.STEP_REJECTED, null, client, "skip without grace or live login");
      return new LoginOutcome.NoLogin();
    }
    policy.recordGraceUse(found.get().username());
    audit.success(LoginAudit.ENROLMENT_SKIPPED, found.get().username(), client, "within grace");
    return completion.complete(found.get(), AuthMethod.PASSWORD, client, heldToken);
  }

  private Optional<LoginTransaction> enrolling(
      String handle, ClientInfo client, FactorType factor) {
    Optional<LoginTransaction> found =
        live(handle, Set.of(LoginStage.ENROL_REQUIRED, LoginStage.ENROL_OPTIONAL))
            .filter(tx -> tx.allowedFactors().contains(factor));
    if (found.isEmpty()) {
      audit.failure(LoginAudit.STEP_REJECTED, null, client, "enrolment without a live login");
    }
    return found;
  }

  /** Which product (Crowd application) a destination belongs to, for the policy. */
  @FunctionalInterface
  public interface ApplicationResolver {
    String applicationFor(Optional<URI> destination);
  }
}
