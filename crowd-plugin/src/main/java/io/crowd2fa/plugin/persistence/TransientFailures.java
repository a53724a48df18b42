package io.crowd2fa.plugin.persistence;

import java.sql.SQLException;
import java.util.Set;

/** Recognises database errors that mean "lost a race, run the transaction again". */
final class TransientFailures {

  /** PostgreSQL serialization_failure and deadlock_detected; H2 uses 40001 for deadlocks too. */
  private static final Set<String> RETRYABLE_SQL_STATES = Set.of("40001", "40P01");

  /** H2 CONCURRENT_UPDATE_1: a row this transaction wanted changed under it. */
  private static final int H2_CONCURRENT_UPDATE = 90131;

  private TransientFailures() {}

  static boolean isRetryable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && (RETRYABLE_SQL_STATES.contains(sql.getSQLState())
              || sql.getErrorCode() == H2_CONCURRENT_UPDATE)) {
        return true;
      }
    }
    return false;
  }
}
