package io.crowd2fa.plugin.keys;

import io.crowd2fa.plugin.audit.AuditEventType;

/**
 * The audit event types of the signing keys. Their detail names key ids only: a kid is public (it
 * is in the JWKS), the key material never leaves the sealed column.
 */
public final class SigningKeyEvents {
  /** A node found no active key and generated one (first start). */
  public static final AuditEventType CREATED = AuditEventType.of("SIGNING_KEY_CREATED");

  /** The current key was replaced, by age or on request; written only by the node that won. */
  public static final AuditEventType ROTATED = AuditEventType.of("SIGNING_KEY_ROTATED");

  private SigningKeyEvents() {}
}
