package io.crowd2fa.plugin.persistence;

import io.crowd2fa.plugin.audit.persistence.JpaAuditLog;
import io.crowd2fa.plugin.engine.EnginePorts;
import io.crowd2fa.plugin.engine.TransactionRunner;
import io.crowd2fa.plugin.lockout.persistence.JpaLockoutRepository;
import io.crowd2fa.plugin.recovery.persistence.JpaRecoveryCodeRepository;
import io.crowd2fa.plugin.totp.persistence.JpaTotpCredentialRepository;
import java.util.function.Supplier;

/**
 * The engine's ports on Hibernate: {@code new TwoFactorEngine(..., JpaEnginePorts.create(db),
 * ...)}.
 */
public final class JpaEnginePorts {

  private JpaEnginePorts() {}

  public static EnginePorts create(Database database) {
    return new EnginePorts(
        transactions(database),
        new JpaTotpCredentialRepository(database),
        new JpaRecoveryCodeRepository(database),
        new JpaLockoutRepository(database),
        new JpaAuditLog(database));
  }

  /** A {@link TransactionRunner} whose transaction the repositories of {@code database} join. */
  public static TransactionRunner transactions(Database database) {
    return new TransactionRunner() {
      @Override
      public <T> T inTransaction(Supplier<T> work) {
        return database.fromTransaction(session -> work.get());
      }
    };
  }
}
