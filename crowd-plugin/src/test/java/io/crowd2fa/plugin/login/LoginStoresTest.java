package io.crowd2fa.plugin.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.plugin.login.persistence.JdbcLoginTransactionStore;
import io.crowd2fa.plugin.login.persistence.JdbcPasswordThrottle;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.persistence.DatabaseSettings;
import io.crowd2fa.plugin.persistence.EngineEntities;
import io.crowd2fa.plugin.policy.FactorType;
import io.crowd2fa.plugin.web.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login's own tables: transactions (one transition wins) and the password throttle. */
class LoginStoresTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));
  private Database database;

  @BeforeEach
  void open() {
    database =
        Database.open(
            new DatabaseSettings(
                "jdbc:h2:mem:login"
                    + UUID.randomUUID().toString().replace("-", "")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "",
                2),
            EngineEntities.ALL);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private LoginTransaction started(String handleHash) {
    Instant now = clock.instant();
    return new LoginTransaction(
        handleHash,
        "alice",
        "127.0.0.1",
        LoginPurpose.LOGIN,
        LoginStage.SECOND_FACTOR,
        EnumSet.of(AuthMethod.PASSWORD),
        Set.of(FactorType.TOTP),
        Optional.empty(),
        Optional.empty(),
        now,
        now.plus(Duration.ofMinutes(10)),
        0);
  }

  @Test
  void transactionCompletesOnlyOnceEvenFromTwoRequestsHoldingTheSameState() {
    LoginTransactionStore store = new JdbcLoginTransactionStore(database);
    LoginTransaction tx = started(LoginHandles.hash("h1"));
    store.insert(tx);
    LoginTransaction done = tx.advancedTo(LoginStage.COMPLETED, Set.of(AuthMethod.OTP));

    boolean first = store.transition(tx, done, clock.instant());
    boolean second = store.transition(tx, done, clock.instant());

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(store.find(tx.handleHash()).orElseThrow().proven())
        .containsExactlyInAnyOrder(AuthMethod.PASSWORD, AuthMethod.OTP);
  }

  @Test
  void expiredTransactionCannotMoveAndIsDeleted() {
    LoginTransactionStore store = new JdbcLoginTransactionStore(database);
    LoginTransaction tx = started(LoginHandles.hash("h2"));
    store.insert(tx);
    clock.advance(Duration.ofMinutes(10));

    assertThat(store.transition(tx, tx.advancedTo(LoginStage.COMPLETED, Set.of()), clock.instant()))
        .isFalse();
    assertThat(store.deleteExpired(clock.instant())).isEqualTo(1);
    assertThat(store.find(tx.handleHash())).isEmpty();
  }

  @Test
  void passwordAttemptsAreLimitedPerAddressAcrossUsernames() {
    PasswordThrottle throttle =
        new JdbcPasswordThrottle(
            database, clock, new PasswordThrottle.Limits(3, 10, Duration.ofMinutes(15)));

    assertThat(throttle.tryAcquire("10.0.0.1", "alice")).isTrue();
    assertThat(throttle.tryAcquire("10.0.0.1", "bob")).isTrue();
    assertThat(throttle.tryAcquire("10.0.0.1", "carol")).isTrue();
    assertThat(throttle.tryAcquire("10.0.0.1", "dave")).isFalse();
    assertThat(throttle.tryAcquire("10.0.0.2", "dave")).isTrue();
    clock.advance(Duration.ofMinutes(15));
    assertThat(throttle.tryAcquire("10.0.0.1", "erin")).isTrue();
  }

  @Test
  void passwordAttemptsAreLimitedPerUsernameAcrossAddressesUntilASuccess() {
    PasswordThrottle throttle =
        new JdbcPasswordThrottle(
            database, clock, new PasswordThrottle.Limits(100, 2, Duration.ofMinutes(15)));

    assertThat(throttle.tryAcquire("10.0.0.1", "Alice")).isTrue();
    assertThat(throttle.tryAcquire("10.0.0.2", "alice")).isTrue();
    assertThat(throttle.tryAcquire("10.0.0.3", "ALICE")).isFalse();
    throttle.succeeded("alice");
    assertThat(throttle.tryAcquire("10.0.0.3", "alice")).isTrue();
  }
}
