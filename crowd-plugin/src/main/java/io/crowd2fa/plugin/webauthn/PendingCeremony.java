package io.crowd2fa.plugin.webauthn;

import java.time.Instant;

/**
 * A started ceremony: the options sent to the browser (which carry the challenge), bound to the
 * login transaction that asked for them. Stored in the database so any node can finish it, and
 * consumed exactly once.
 *
 * @param requestJson Yubico's own JSON of the request (not the browser form)
 */
public record PendingCeremony(
    String loginTransactionId,
    CeremonyKind kind,
    String username,
    String requestJson,
    Instant createdAt,
    Instant expiresAt) {

  public static final int MAX_TRANSACTION_ID = 128;

  public PendingCeremony {
    requireTransactionId(loginTransactionId);
    if (kind == null || username == null || username.isBlank() || requestJson == null) {
      throw new IllegalArgumentException("kind, username and request are required");
    }
    if (createdAt == null || expiresAt == null || !expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("expiresAt must be after createdAt");
    }
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  static void requireTransactionId(String id) {
    if (id == null || id.isBlank() || id.length() > MAX_TRANSACTION_ID) {
      throw new IllegalArgumentException("login transaction id must be 1.." + MAX_TRANSACTION_ID);
    }
  }
}
