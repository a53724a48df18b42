package io.crowd2fa.plugin.login;

import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.plugin.policy.FactorType;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The server-side state of one login between the password step and completion (DESIGN D2). The
 * browser holds only a random handle; this record is keyed by the handle's hash.
 *
 * @param handleHash SHA-256 (hex) of the handle in the {@code crowd2fa.login} cookie
 * @param username the Crowd username the password (or token) was accepted for
 * @param clientAddress the address the login started from
 * @param purpose login or step-up
 * @param stage what is due next
 * @param proven the methods passed so far ({@code pwd} after the password step)
 * @param allowedFactors the factor types the deciding policy rule allows
 * @param destination where to go after completion, already checked against the allow-list
 * @param tokenBinding for a step-up: {@code sid} of the Crowd token the user holds
 * @param startedAt when the password step passed
 * @param expiresAt when the transaction dies (at most 10 minutes after start)
 * @param version optimistic-concurrency version; every transition increments it
 */
public record LoginTransaction(
    String handleHash,
    String username,
    String clientAddress,
    LoginPurpose purpose,
    LoginStage stage,
    Set<AuthMethod> proven,
    Set<FactorType> allowedFactors,
    Optional<URI> destination,
    Optional<String> tokenBinding,
    Instant startedAt,
    Instant expiresAt,
    int version) {

  public LoginTransaction {
    Objects.requireNonNull(handleHash, "handleHash");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(clientAddress, "clientAddress");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(tokenBinding, "tokenBinding");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    proven = proven.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(proven));
    allowedFactors = Set.copyOf(allowedFactors);
    if (!expiresAt.isAfter(startedAt)) {
      throw new IllegalArgumentException("expiresAt must be after startedAt");
    }
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /**
   * Whether a factor of {@code type} may answer this transaction's challenge: one the deciding rule
   * allows, or, before an enrolment, any factor the user already has.
   */
  public boolean mayProveWith(FactorType type) {
    return stage.provesBeforeEnrolment() || allowedFactors.contains(type);
  }

  /** This transaction moved to {@code next} with {@code added} proven; version bumped. */
  public LoginTransaction advancedTo(LoginStage next, Set<AuthMethod> added) {
    Set<AuthMethod> all = EnumSet.noneOf(AuthMethod.class);
    all.addAll(proven);
    all.addAll(added);
    return new LoginTransaction(
        handleHash,
        username,
        clientAddress,
        purpose,
        next,
        all,
        allowedFactors,
        destination,
        tokenBinding,
        startedAt,
        expiresAt,
        version + 1);
  }
}
