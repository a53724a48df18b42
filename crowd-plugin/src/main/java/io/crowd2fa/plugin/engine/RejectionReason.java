package io.crowd2fa.plugin.engine;

/**
 * Why a verification was rejected. The web layer shows the user one generic message for all of them
 * (no enumeration); the precise reason is in the audit log.
 */
public enum RejectionReason {
  INVALID_CODE,
  REPLAYED,
  MALFORMED,
  NOT_ENROLLED
}
