package io.crowd2fa.plugin.lockout.persistence;

import io.crowd2fa.plugin.lockout.AttemptCounter;
import io.crowd2fa.plugin.lockout.LockoutRepository;
import io.crowd2fa.plugin.lockout.LockoutState;
import io.crowd2fa.plugin.persistence.Database;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link LockoutRepository} on {@code lockout_counter}. The row is locked with {@code SELECT ...
 * FOR UPDATE}; a missing row is first created with {@code INSERT ... ON CONFLICT DO NOTHING}
 * (PostgreSQL, and H2 in PostgreSQL mode), so concurrent first attempts neither fail nor
 * double-create.
 */
public final class JpaLockoutRepository implements LockoutRepository {

  private final Database database;

  public JpaLockoutRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public LockoutState lockForUpdate(String username, AttemptCounter counter, Instant now) {
    return database.fromTransaction(
        session -> {
          LockoutCounterEntity.Key key = new LockoutCounterEntity.Key(username, counter);
          LockoutCounterEntity entity =
              session.find(LockoutCounterEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
          if (entity == null) {
            session
                .createNativeMutationQuery(
                    "insert into lockout_counter (username, counter, consecutive_failures,"
                        + " locked_until, window_started_at, window_failures)"
                        + " values (:username, :counter, 0, null, :now, 0)"
                        + " on conflict do nothing")
                .setParameter("username", username)
                .setParameter("counter", counter.name())
                .setParameter("now", now)
                .executeUpdate();
            entity = session.find(LockoutCounterEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
          }
          return entity.toState();
        });
  }

  @Override
  public void save(LockoutState state) {
    database.inTransaction(
        session -> {
          LockoutCounterEntity entity =
              session.find(
                  LockoutCounterEntity.class,
                  new LockoutCounterEntity.Key(state.username(), state.counter()),
                  LockModeType.PESSIMISTIC_WRITE);
          entity.copyFrom(state);
          session.flush();
        });
  }

  @Override
  public Optional<LockoutState> find(String username, AttemptCounter counter) {
    return database.fromTransaction(
        session ->
            Optional.ofNullable(
                    session.find(
                        LockoutCounterEntity.class,
                        new LockoutCounterEntity.Key(username, counter)))
                .map(LockoutCounterEntity::toState));
  }

  @Override
  public int deleteAll(String username) {
    return database.fromTransaction(
        session ->
            session
                .createMutationQuery(
                    "delete from LockoutCounterEntity c where c.key.username = :username")
                .setParameter("username", username)
                .executeUpdate());
  }
}
