package io.crowd2fa.plugin.webauthn;

import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.engine.FactorCheck;
import io.crowd2fa.plugin.engine.FactorType;
import io.crowd2fa.plugin.engine.RequestContext;
import io.crowd2fa.plugin.engine.VerificationResult;

/**
 * Counts the attempt, runs the check in the same transaction, records and audits the outcome:
 * {@code twoFactorEngine::verifyWithLockout}. An interface only because the engine is built with
 * WebAuthn's {@link WebAuthnFactorProvider} before this service exists.
 */
@FunctionalInterface
public interface SecondFactorGuard {

  VerificationResult verifyWithLockout(
      String username,
      FactorType factor,
      AuditEventType eventType,
      RequestContext context,
      FactorCheck check);
}
