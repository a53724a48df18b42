package io.crowd2fa.plugin.totp.persistence;

import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.totp.TotpCredential;
import io.crowd2fa.plugin.totp.TotpCredentialRepository;
import io.crowd2fa.plugin.totp.TotpCredentialStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** {@link TotpCredentialRepository} on the {@code totp_credential} table. */
public final class JpaTotpCredentialRepository implements TotpCredentialRepository {

  private final Database database;

  public JpaTotpCredentialRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public void insert(TotpCredential credential) {
    database.inTransaction(
        session -> {
          TotpCredentialEntity entity = new TotpCredentialEntity(credential);
          session.persist(entity);
          session.flush();
          session.detach(entity);
        });
  }

  @Override
  public Optional<TotpCredential> find(String username, UUID id) {
    return database.fromTransaction(
        session ->
            session
                .createSelectionQuery(
                    "from TotpCredentialEntity c where c.id = :id and c.username = :username",
                    TotpCredentialEntity.class)
                .setParameter("id", id)
                .setParameter("username", username)
                .uniqueResultOptional()
                .map(entity -> snapshot(session, entity)));
  }

  /**
   * Returns an immutable copy and detaches the entity: state changes are bulk updates, and a
   * managed instance would hide them from later reads in the same transaction.
   */
  private static TotpCredential snapshot(Session session, TotpCredentialEntity entity) {
    session.detach(entity);
    return entity.toCredential();
  }

  @Override
  public List<TotpCredential> enrolled(String username) {
    return byStatus(username, List.of(TotpCredentialStatus.ACTIVE, TotpCredentialStatus.DISABLED));
  }

  @Override
  public List<TotpCredential> active(String username) {
    return byStatus(username, List.of(TotpCredentialStatus.ACTIVE));
  }

  private List<TotpCredential> byStatus(String username, List<TotpCredentialStatus> statuses) {
    return database.fromTransaction(
        session ->
            session
                .createSelectionQuery(
                    "from TotpCredentialEntity c where c.username = :username"
                        + " and c.status in :statuses order by c.createdAt, c.id",
                    TotpCredentialEntity.class)
                .setParameter("username", username)
                .setParameter("statuses", statuses)
                .getResultList()
                .stream()
                .map(entity -> snapshot(session, entity))
                .toList());
  }

  @Override
  public boolean activate(UUID id, long confirmedStep, Instant now) {
    return database.fromTransaction(
            session ->
                session
                    .createMutationQuery(
                        "update TotpCredentialEntity c set c.status = :active,"
                            + " c.activatedAt = :now, c.expiresAt = null,"
                            + " c.lastUsedStep = :step, c.lastUsedAt = :now"
                            + " where c.id = :id and c.status = :pending and c.expiresAt > :now")
                    .setParameter("id", id)
                    .setParameter("step", confirmedStep)
                    .setParameter("now", now)
                    .setParameter("active", TotpCredentialStatus.ACTIVE)
                    .setParameter("pending", TotpCredentialStatus.PENDING)
                    .executeUpdate())
        == 1;
  }

  @Override
  public boolean acceptStep(UUID id, long step, Instant now) {
    // The whole single-use rule is this WHERE clause: the database decides, not this node.
    return database.fromTransaction(
            session ->
                session
                    .createMutationQuery(
                        "update TotpCredentialEntity c set c.lastUsedStep = :step,"
                            + " c.lastUsedAt = :now where c.id = :id and c.status = :active"
                            + " and (c.lastUsedStep is null or c.lastUsedStep < :step)")
                    .setParameter("id", id)
                    .setParameter("step", step)
                    .setParameter("now", now)
                    .setParameter("active", TotpCredentialStatus.ACTIVE)
                    .executeUpdate())
        == 1;
  }

  @Override
  public boolean rename(String username, UUID id, String nickname) {
    String valid = TotpCredential.validNickname(nickname);
    return database.fromTransaction(
            session ->
                session
                    .createMutationQuery(
                        "update TotpCredentialEntity c set c.nickname = :nickname"
                            + " where c.id = :id and c.username = :username"
                            + " and c.status <> :pending")
                    .setParameter("nickname", valid)
                    .setParameter("id", id)
                    .setParameter("username", username)
                    .setParameter("pending", TotpCredentialStatus.PENDING)
                    .executeUpdate())
        == 1;
  }

  @Override
  public boolean remove(String username, UUID id) {
    return database.fromTransaction(
            session ->
                session
                    .createMutationQuery(
                        "delete from TotpCredentialEntity c"
                            + " where c.id = :id and c.username = :username")
                    .setParameter("id", id)
                    .setParameter("username", username)
                    .executeUpdate())
        == 1;
  }

  @Override
  public int disableAll(String username) {
    return database.fromTransaction(
        session ->
            session
                .createMutationQuery(
                    "update TotpCredentialEntity c set c.status = :disabled"
                        + " where c.username = :username and c.status = :active")
                .setParameter("disabled", TotpCredentialStatus.DISABLED)
                .setParameter("active", TotpCredentialStatus.ACTIVE)
                .setParameter("username", username)
                .executeUpdate());
  }

  @Override
  public int removeDisabled(String username) {
    return database.fromTransaction(
        session ->
            session
                .createMutationQuery(
                    "delete from TotpCredentialEntity c"
                        + " where c.username = :username and c.status = :disabled")
                .setParameter("disabled", TotpCredentialStatus.DISABLED)
                .setParameter("username", username)
                .executeUpdate());
  }

  @Override
  public List<TotpCredential> removeExpiredPending(Instant now) {
    return database.fromTransaction(
        session -> {
          List<TotpCredential> expired =
              session
                  .createSelectionQuery(
                      "from TotpCredentialEntity c where c.status = :pending"
                          + " and c.expiresAt <= :now",
                      TotpCredentialEntity.class)
                  .setParameter("pending", TotpCredentialStatus.PENDING)
                  .setParameter("now", now)
                  .getResultList()
                  .stream()
                  .map(entity -> snapshot(session, entity))
                  .toList();
          // Only the rows this delete removed: a node sweeping at the same time reports the rest.
          return expired.stream()
              .filter(
                  credential ->
                      session
                              .createMutationQuery(
                                  "delete from TotpCredentialEntity c"
                                      + " where c.id = :id and c.status = :pending")
                              .setParameter("id", credential.id())
                              .setParameter("pending", TotpCredentialStatus.PENDING)
                              .executeUpdate()
                          == 1)
              .toList();
        });
  }
}
