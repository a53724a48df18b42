package io.crowd2fa.plugin.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The pure policy function: same document and context, same decision. No I/O, no clock. */
public final class PolicyEvaluator {

  public PolicyDecision evaluate(PolicyDocument policy, LoginContext login) {
    PolicyRule rule =
        policy.rules().stream()
            .filter(r -> r.match().matches(login))
            .findFirst()
            .orElse(policy.defaultRule());
    return switch (rule.action()) {
      case EXEMPT -> new PolicyDecision.Exempt(rule.name());
      case DENY -> new PolicyDecision.Deny(rule.name(), rule.denyReason().orElse("denied by rule"));
      case REQUIRE -> require(policy, rule, login);
    };
  }

  private static PolicyDecision require(
      PolicyDocument policy, PolicyRule rule, LoginContext login) {
    Set<FactorType> usable = EnumSet.noneOf(FactorType.class);
    usable.addAll(login.enrolledFactors());
    usable.retainAll(rule.factors());
    if (usable.isEmpty()) {
      return new PolicyDecision.RequireEnrolment(
          rule.name(), graceLeft(rule.grace(), login), rule.factors());
    }
    Optional<Duration> maxAge = policy.freshnessFor(login.application()).maxAge();
    return new PolicyDecision.Require2fa(
        rule.name(),
        rule.factors(),
        maxAge,
        isFresh(login.lastVerification(), maxAge, login.now()));
  }

  private static boolean isFresh(Optional<Instant> last, Optional<Duration> maxAge, Instant now) {
    if (last.isEmpty() || last.get().isAfter(now)) {
      return false;
    }
    return maxAge.map(age -> !last.get().plus(age).isBefore(now)).orElse(true);
  }

  private static PolicyDecision.GraceLeft graceLeft(EnrolmentGrace grace, LoginContext login) {
    if (grace instanceof EnrolmentGrace.Logins logins) {
      int remaining = logins.count() - login.grace().loginsWithoutEnrolment();
      return new PolicyDecision.GraceLeft.Logins(Math.max(0, remaining));
    }
    if (grace instanceof EnrolmentGrace.Until until) {
      return new PolicyDecision.GraceLeft.Until(
          until.deadline(), !login.now().isBefore(until.deadline()));
    }
    return new PolicyDecision.GraceLeft.NoneLeft();
  }
}
