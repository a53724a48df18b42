package io.crowd2fa.crowd;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Crowd SSO session. {@code user} is present when Crowd included it (always on create and
 * validate; on {@code GET} only with {@code expand=user}). The dates are present only when Crowd
 * sends them: Crowd 2.x session entities carry no {@code created-date} / {@code expiry-date}, and
 * nothing in Crowd2FA decides anything on them.
 */
public record CrowdSession(
    SsoToken token,
    Optional<CrowdUser> user,
    Optional<Instant> createdDate,
    Optional<Instant> expiryDate) {

  public CrowdSession {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(createdDate, "createdDate");
    Objects.requireNonNull(expiryDate, "expiryDate");
  }

  /** The session's user name, if Crowd answered with the user. */
  public Optional<String> username() {
    return user.map(CrowdUser::name);
  }

  @Override
  public String toString() {
    return "CrowdSession[token=redacted, user="
        + username().orElse("(not expanded)")
        + ", createdDate="
        + createdDate.map(Instant::toString).orElse("(not sent)")
        + ", expiryDate="
        + expiryDate.map(Instant::toString).orElse("(not sent)")
        + "]";
  }
}
