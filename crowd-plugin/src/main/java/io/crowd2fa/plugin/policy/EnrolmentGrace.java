package io.crowd2fa.plugin.policy;

import java.time.Instant;

/** How long a user without a suitable factor may keep logging in before enrolment is forced. */
public sealed interface EnrolmentGrace {

  /** No grace: the user must enrol at this login. */
  record None() implements EnrolmentGrace {}

  /** The user may skip enrolment for this many logins in total. */
  record Logins(int count) implements EnrolmentGrace {
    public Logins {
      if (count < 1 || count > 1000) {
        throw new IllegalArgumentException("logins must be 1..1000");
      }
    }
  }

  /** The user may skip enrolment until this instant. */
  record Until(Instant deadline) implements EnrolmentGrace {
    public Until {
      if (deadline == null) {
        throw new IllegalArgumentException("deadline is required");
      }
    }
  }
}
