package io.crowd2fa.sandbox.crowd;

import io.crowd2fa.crowd.ValidationFactor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * SSO sessions, in memory. A session lives {@code length} past its last validation (Crowd's session
 * timeout is an inactivity timeout). Thread-safe: sessions are immutable values replaced with
 * compare-and-set map operations.
 */
public final class StandInSessions {

  /** 24 random bytes: 192 bits, base64url, cookie-safe. */
  private static final int TOKEN_BYTES = 24;

  private final ConcurrentMap<String, StandInSession> byToken = new ConcurrentHashMap<>();
  private final ConcurrentMap<SessionKey, String> tokenByKey = new ConcurrentHashMap<>();
  private final Clock clock;
  private final SecureRandom random;
  private final Duration defaultLength;
  private final boolean requireConsistentClientIp;

  StandInSessions(
      Clock clock, SecureRandom random, Duration defaultLength, boolean requireConsistentClientIp) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.defaultLength = Objects.requireNonNull(defaultLength, "defaultLength");
    this.requireConsistentClientIp = requireConsistentClientIp;
  }

  /** One SSO session; the token is never printed. */
  public record StandInSession(
      String token,
      String username,
      List<ValidationFactor> validationFactors,
      Instant createdDate,
      Instant lastAccessed,
      Duration length) {

    public StandInSession {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(username, "username");
      validationFactors = List.copyOf(validationFactors);
    }

    public Instant expiryDate() {
      return lastAccessed.plus(length);
    }

    boolean isExpiredAt(Instant now) {
      return !now.isBefore(expiryDate());
    }

    StandInSession touchedAt(Instant now) {
      return new StandInSession(token, username, validationFactors, createdDate, now, length);
    }

    @Override
    public String toString() {
      return "StandInSession[token=redacted, username=" + username + "]";
    }
  }

  /**
   * Creates a session, or returns the ongoing one for the same user and validation factors, as
   * Crowd documents for {@code POST /session}.
   */
  public StandInSession create(
      String username, List<ValidationFactor> factors, Optional<Duration> length) {
    SessionKey key = new SessionKey(CrowdIdentities.key(username), List.copyOf(factors));
    Instant now = clock.instant();
    String token =
        tokenByKey.compute(
            key,
            (k, existing) -> {
              if (existing != null) {
                StandInSession ongoing = byToken.get(existing);
                if (ongoing != null && !ongoing.isExpiredAt(now)) {
                  return existing;
                }
                // Only the other map may change inside compute(); this key is replaced below.
                byToken.remove(existing);
              }
              String fresh = newToken();
              byToken.put(
                  fresh,
                  new StandInSession(
                      fresh, username, factors, now, now, length.orElse(defaultLength)));
              return fresh;
            });
    return byToken.get(token);
  }

  /**
   * Validates a token with the presented factors and extends it; empty when unknown, expired,
   * invalidated or (with "require consistent client IP") presented from another address.
   */
  public Optional<StandInSession> validate(String token, List<ValidationFactor> presented) {
    Instant now = clock.instant();
    Optional<StandInSession> live = liveSession(token, now);
    if (live.isEmpty()) {
      return Optional.empty();
    }
    if (requireConsistentClientIp
        && !clientAddress(live.get().validationFactors()).equals(clientAddress(presented))) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        byToken.computeIfPresent(token, (t, session) -> session.touchedAt(now)));
  }

  /** The live session, without extending it. */
  public Optional<StandInSession> find(String token) {
    return liveSession(token, clock.instant());
  }

  public void invalidate(String token) {
    StandInSession removed = byToken.remove(token);
    if (removed != null) {
      tokenByKey.values().remove(token);
    }
  }

  /** Ends all sessions of the user except {@code excludedToken} (may be null). */
  public void invalidateUser(String username, String excludedToken) {
    String userKey = CrowdIdentities.key(username);
    byToken.values().stream()
        .filter(session -> CrowdIdentities.key(session.username()).equals(userKey))
        .map(StandInSession::token)
        .filter(token -> !token.equals(excludedToken))
        .toList()
        .forEach(this::invalidate);
  }

  /** Number of live and not yet purged sessions (for tests). */
  public int size() {
    return byToken.size();
  }

  private Optional<StandInSession> liveSession(String token, Instant now) {
    if (token == null) {
      return Optional.empty();
    }
    StandInSession session = byToken.get(token);
    if (session == null) {
      return Optional.empty();
    }
    if (session.isExpiredAt(now)) {
      invalidate(token);
      return Optional.empty();
    }
    return Optional.of(session);
  }

  /**
   * The client's address as Crowd's "require consistent client IP" sees it. The stand-in trusts
   * every proxy, so it is the left-most {@code X-Forwarded-For} entry when present, else {@code
   * remote_address}.
   */
  static String clientAddress(List<ValidationFactor> factors) {
    String remote = "";
    for (ValidationFactor factor : factors) {
      if (factor.name().equals(ValidationFactor.X_FORWARDED_FOR)) {
        return factor.value().split(",", 2)[0].trim();
      }
      if (factor.name().equals(ValidationFactor.REMOTE_ADDRESS)) {
        remote = factor.value();
      }
    }
    return remote;
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private record SessionKey(String username, List<ValidationFactor> factors) {}
}
