package io.crowd2fa.plugin.webauthn;

import io.crowd2fa.plugin.audit.AuditLog;
import io.crowd2fa.plugin.crypto.MasterKey;
import io.crowd2fa.plugin.crypto.MasterKeyring;
import io.crowd2fa.plugin.crypto.SecretBox;
import io.crowd2fa.plugin.engine.EnginePorts;
import io.crowd2fa.plugin.engine.EngineSettings;
import io.crowd2fa.plugin.engine.TransactionRunner;
import io.crowd2fa.plugin.engine.TwoFactorEngine;
import io.crowd2fa.plugin.lockout.AttemptCounter;
import io.crowd2fa.plugin.lockout.LockoutPolicy;
import io.crowd2fa.plugin.lockout.LockoutRepository;
import io.crowd2fa.plugin.lockout.LockoutState;
import io.crowd2fa.plugin.recovery.RecoveryCodeRepository;
import io.crowd2fa.plugin.totp.TotpCredentialRepository;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Fakes for the WebAuthn unit tests: a settable clock, an audit list, lockout counters. */
final class WebAuthnTestSupport {
  private WebAuthnTestSupport() {}

  static final TransactionRunner DIRECT =
      new TransactionRunner() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
          return work.get();
        }
      };

  /**
   * The real engine with in-memory lockout counters and audit. TOTP and recovery-code storage hold
   * nothing (list queries answer empty) and fail if anything else is asked of them.
   */
  static TwoFactorEngine engine(
      LockoutPolicy policy,
      InMemoryLockoutRepository counters,
      AuditLog audit,
      Clock clock,
      WebAuthnCredentialRepository credentials) {
    SecureRandom random = new SecureRandom();
    return new TwoFactorEngine(
        new EngineSettings(EngineSettings.defaults("Crowd2FA").totp(), policy),
        new EnginePorts(
            DIRECT,
            unused(TotpCredentialRepository.class),
            unused(RecoveryCodeRepository.class),
            counters,
            audit),
        new SecretBox(new MasterKeyring(List.of(new MasterKey("test", new byte[32]))), random),
        clock,
        random,
        List.of(new WebAuthnFactorProvider(credentials)));
  }

  private static <T> T unused(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getReturnType() == List.class) {
                return List.of();
              }
              throw new UnsupportedOperationException(type.getSimpleName() + " is not used here");
            }));
  }

  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final class InMemoryLockoutRepository implements LockoutRepository {
    final Map<String, LockoutState> states = new ConcurrentHashMap<>();

    @Override
    public LockoutState lockForUpdate(String username, AttemptCounter counter, Instant now) {
      return states.computeIfAbsent(
          username + "/" + counter, k -> LockoutState.fresh(username, counter, now));
    }

    @Override
    public void save(LockoutState state) {
      states.put(state.username() + "/" + state.counter(), state);
    }

    @Override
    public Optional<LockoutState> find(String username, AttemptCounter counter) {
      return Optional.ofNullable(states.get(username + "/" + counter));
    }

    @Override
    public int deleteAll(String username) {
      int before = states.size();
      states.keySet().removeIf(k -> k.startsWith(username + "/"));
      return before - states.size();
    }
  }
}
