package io.crowd2fa.seraph.core;

import io.crowd2fa.model.assertion.AssertionClaims;
import java.util.Objects;

/** The outcome of checking a 2FA assertion cookie against the Crowd token it claims to bind. */
public sealed interface AssertionCheck {

  /** Signature, header, issuer, expiry and token binding all hold. */
  record Verified(AssertionClaims claims) implements AssertionCheck {
    public Verified {
      Objects.requireNonNull(claims, "claims");
    }
  }

  /** The assertion must not be trusted; {@code reason} is for the log, never for the user. */
  record Rejected(Reason reason) implements AssertionCheck {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why an assertion was rejected. */
  enum Reason {
    MISSING,
    MALFORMED,
    UNACCEPTABLE_HEADER,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    BAD_CLAIMS,
    WRONG_ISSUER,
    NOT_YET_VALID,
    EXPIRED,
    UNBOUND
  }
}
