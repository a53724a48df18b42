package io.crowd2fa.seraph.testing;

import io.crowd2fa.crowd.CookieConfiguration;
import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdClientConfig;
import io.crowd2fa.crowd.CrowdResult;
import io.crowd2fa.crowd.CrowdSession;
import io.crowd2fa.crowd.CrowdUnreachableException;
import io.crowd2fa.crowd.CrowdUser;
import io.crowd2fa.crowd.ErrorReason;
import io.crowd2fa.crowd.Password;
import io.crowd2fa.crowd.SessionRequest;
import io.crowd2fa.crowd.SsoToken;
import io.crowd2fa.crowd.ValidationFactors;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Crowd's session API in memory: tokens map to users; counts validations; can be down. */
public final class FakeCrowd implements CrowdClient {

  public final Map<String, String> sessions = new HashMap<>();
  public final Map<String, String> passwords = new HashMap<>();
  public final List<String> invalidated = new ArrayList<>();
  public final List<ValidationFactors> factorsSeen = new ArrayList<>();
  public volatile int validations;
  public boolean down;

  /** When set, validation waits for it to open; {@link #entered} opens once a call is inside. */
  public java.util.concurrent.CountDownLatch gate;

  public volatile java.util.concurrent.CountDownLatch entered =
      new java.util.concurrent.CountDownLatch(1);

  @Override
  public CrowdClientConfig config() {
    return CrowdClientConfig.of(
        URI.create("http://localhost:8095/crowd"), "jira", new Password("pw"));
  }

  @Override
  public CrowdResult<CrowdSession> validateSession(SsoToken token, ValidationFactors factors) {
    validations++;
    factorsSeen.add(factors);
    entered.countDown();
    if (gate != null) {
      try {
        if (!gate.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
          throw new IllegalStateException("gate never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    if (down) {
      throw new CrowdUnreachableException("connection refused", false, null);
    }
    String user = sessions.get(token.value());
    if (user == null) {
      return CrowdResult.rejected(ErrorReason.INVALID_SSO_TOKEN, "invalid token");
    }
    return CrowdResult.ok(
        new CrowdSession(
            token,
            Optional.of(new CrowdUser(user, user, user, user, user + "@example.com", true)),
            Optional.of(Instant.EPOCH),
            Optional.of(Instant.EPOCH.plusSeconds(3600))));
  }

  @Override
  public void invalidateSession(SsoToken token) {
    if (down) {
      throw new CrowdUnreachableException("connection refused", false, null);
    }
    invalidated.add(token.value());
    sessions.remove(token.value());
  }

  @Override
  public CrowdResult<CrowdUser> authenticate(String username, Password password) {
    if (down) {
      throw new CrowdUnreachableException("connection refused", false, null);
    }
    return password.value().equals(passwords.get(username))
        ? CrowdResult.ok(
            new CrowdUser(username, username, username, username, "x@example.com", true))
        : CrowdResult.rejected(ErrorReason.INVALID_USER_AUTHENTICATION, "bad");
  }

  @Override
  public CrowdResult<CrowdSession> createSession(SessionRequest request) {
    throw new UnsupportedOperationException("createSession");
  }

  @Override
  public CrowdResult<CrowdSession> getSession(SsoToken token, boolean expandUser) {
    throw new UnsupportedOperationException("getSession");
  }

  @Override
  public void invalidateSessionsOfUser(String username, Optional<SsoToken> exclude) {
    throw new UnsupportedOperationException("invalidateSessionsOfUser");
  }

  @Override
  public CrowdResult<CrowdUser> getUser(String username) {
    throw new UnsupportedOperationException("getUser");
  }

  @Override
  public CrowdResult<List<String>> getNestedGroupNames(String username) {
    throw new UnsupportedOperationException("getNestedGroupNames");
  }

  @Override
  public CrowdResult<List<String>> getDirectGroupNames(String username) {
    throw new UnsupportedOperationException("getDirectGroupNames");
  }

  @Override
  public CookieConfiguration getCookieConfiguration() {
    throw new UnsupportedOperationException("getCookieConfiguration");
  }
}
