package io.crowd2fa.plugin.persistence;

import io.crowd2fa.plugin.audit.persistence.AuditEventEntity;
import io.crowd2fa.plugin.lockout.persistence.LockoutCounterEntity;
import io.crowd2fa.plugin.recovery.persistence.RecoveryCodeEntity;
import io.crowd2fa.plugin.totp.persistence.TotpCredentialEntity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The engine's entity classes. Each feature that adds tables publishes such a list; whoever
 * assembles the service passes all of them to {@link Database#open}, for example {@code
 * Database.open(settings, EngineEntities.with(WebAuthnEntities.ALL, PolicyEntities.ALL))}.
 */
public final class EngineEntities {

  public static final List<Class<?>> ALL =
      List.of(
          AuditEventEntity.class,
          TotpCredentialEntity.class,
          LockoutCounterEntity.class,
          RecoveryCodeEntity.class);

  private EngineEntities() {}

  /** The engine's entities plus those of other features. */
  @SafeVarargs
  public static List<Class<?>> with(Collection<Class<?>>... others) {
    List<Class<?>> all = new ArrayList<>(ALL);
    for (Collection<Class<?>> other : others) {
      all.addAll(other);
    }
    return List.copyOf(all);
  }
}
