package io.crowd2fa.plugin.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The outcome of evaluating the policy for one login; {@code rule} names the rule that decided. */
public sealed interface PolicyDecision {

  String rule();

  /** No second factor needed; the assertion carries {@code amr=["pwd"]}. */
  record Exempt(String rule) implements PolicyDecision {}

  /**
   * A second factor of one of {@code allowedFactors} is needed. {@code maxAge} is this
   * application's freshness limit (empty: none); {@code lastVerificationFresh} says whether a
   * verification the user already has satisfies it, so a step-up can be skipped.
   */
  record Require2fa(
      String rule,
      Set<FactorType> allowedFactors,
      Optional<Duration> maxAge,
      boolean lastVerificationFresh)
      implements PolicyDecision {
    public Require2fa {
      allowedFactors = Set.copyOf(allowedFactors);
    }
  }

  /** The user has no allowed factor yet and must enrol one, now or within the grace left. */
  record RequireEnrolment(String rule, GraceLeft graceLeft, Set<FactorType> allowedFactors)
      implements PolicyDecision {
    public RequireEnrolment {
      allowedFactors = Set.copyOf(allowedFactors);
    }
  }

  /** The login is refused; {@code reason} is for the audit log, not for the user. */
  record Deny(String rule, String reason) implements PolicyDecision {}

  /** Grace left to a user who must enrol. */
  sealed interface GraceLeft {
    /** Whether the user may still skip enrolment at this login. */
    boolean maySkip();

    record NoneLeft() implements GraceLeft {
      @Override
      public boolean maySkip() {
        return false;
      }
    }

    /** {@code remaining} further logins may skip enrolment (this one included). */
    record Logins(int remaining) implements GraceLeft {
      @Override
      public boolean maySkip() {
        return remaining > 0;
      }
    }

    record Until(Instant deadline, boolean expired) implements GraceLeft {
      @Override
      public boolean maySkip() {
        return !expired;
      }
    }
  }
}
