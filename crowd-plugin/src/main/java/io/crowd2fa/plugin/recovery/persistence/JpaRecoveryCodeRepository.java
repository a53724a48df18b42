package io.crowd2fa.plugin.recovery.persistence;

import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.recovery.RecoveryCodeRepository;
import io.crowd2fa.plugin.recovery.StoredRecoveryCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link RecoveryCodeRepository} on {@code recovery_code}, serialised per user through a lock on
 * the user's {@code recovery_code_set} row.
 */
public final class JpaRecoveryCodeRepository implements RecoveryCodeRepository {

  private final Database database;

  public JpaRecoveryCodeRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public void replaceSet(String username, List<StoredRecoveryCode> codes, Instant now) {
    database.inTransaction(
        session -> {
          session
              .createNativeMutationQuery(
                  "insert into recovery_code_set (username, generated_at) values (:username, :now)"
                      + " on conflict do nothing")
              .setParameter("username", username)
              .setParameter("now", now)
              .executeUpdate();
          session
              .createNativeQuery(
                  "select username from recovery_code_set where username = :username for update",
                  String.class)
              .setParameter("username", username)
              .getSingleResult();
          session
              .createMutationQuery("delete from RecoveryCodeEntity c where c.username = :username")
              .setParameter("username", username)
              .executeUpdate();
          for (StoredRecoveryCode code : codes) {
            session.persist(new RecoveryCodeEntity(code));
          }
          session
              .createNativeMutationQuery(
                  "update recovery_code_set set generated_at = :now where username = :username")
              .setParameter("username", username)
              .setParameter("now", now)
              .executeUpdate();
          session.flush();
        });
  }

  @Override
  public Optional<StoredRecoveryCode> findUnused(String username, String codeId) {
    return database.fromTransaction(
        session ->
            session
                .createSelectionQuery(
                    "from RecoveryCodeEntity c where c.username = :username"
                        + " and c.codeId = :codeId and c.usedAt is null",
                    RecoveryCodeEntity.class)
                .setParameter("username", username)
                .setParameter("codeId", codeId)
                .uniqueResultOptional()
                .map(
                    entity -> {
                      session.detach(entity);
                      return entity.toCode();
                    }));
  }

  @Override
  public boolean consume(UUID id, Instant now) {
    return database.fromTransaction(
            session ->
                session
                    .createMutationQuery(
                        "update RecoveryCodeEntity c set c.usedAt = :now"
                            + " where c.id = :id and c.usedAt is null")
                    .setParameter("id", id)
                    .setParameter("now", now)
                    .executeUpdate())
        == 1;
  }

  @Override
  public int countUnused(String username) {
    return database.fromTransaction(
        session ->
            session
                .createSelectionQuery(
                    "select count(c) from RecoveryCodeEntity c"
                        + " where c.username = :username and c.usedAt is null",
                    Long.class)
                .setParameter("username", username)
                .getSingleResult()
                .intValue());
  }

  @Override
  public int deleteAll(String username) {
    return database.fromTransaction(
        session ->
            session
                .createMutationQuery(
                    "delete from RecoveryCodeEntity c where c.username = :username")
                .setParameter("username", username)
                .executeUpdate());
  }
}
