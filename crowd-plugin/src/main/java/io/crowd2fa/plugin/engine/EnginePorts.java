package io.crowd2fa.plugin.engine;

import io.crowd2fa.plugin.audit.AuditLog;
import io.crowd2fa.plugin.lockout.LockoutRepository;
import io.crowd2fa.plugin.recovery.RecoveryCodeRepository;
import io.crowd2fa.plugin.totp.TotpCredentialRepository;
import java.util.Objects;

/**
 * The storage the engine needs; {@code persistence.JpaEnginePorts.create(database)} builds it on
 * Hibernate.
 */
public record EnginePorts(
    TransactionRunner transactions,
    TotpCredentialRepository totpCredentials,
    RecoveryCodeRepository recoveryCodes,
    LockoutRepository lockoutCounters,
    AuditLog auditLog) {

  public EnginePorts {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(totpCredentials, "totpCredentials");
    Objects.requireNonNull(recoveryCodes, "recoveryCodes");
    Objects.requireNonNull(lockoutCounters, "lockoutCounters");
    Objects.requireNonNull(auditLog, "auditLog");
  }
}
