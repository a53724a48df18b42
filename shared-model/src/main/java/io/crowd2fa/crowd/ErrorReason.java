package io.crowd2fa.crowd;

import java.util.Locale;

/**
 * Crowd's {@code ErrorEntity.ErrorReason}: the {@code reason} of an error body. Outcomes are keyed
 * on it, not on the HTTP status, because Crowd's status codes for one reason differ by resource and
 * version.
 */
public enum ErrorReason {
  APPLICATION_ACCESS_DENIED,
  APPLICATION_PERMISSION_DENIED,
  EXPIRED_CREDENTIAL,
  GROUP_NOT_FOUND,
  ILLEGAL_ARGUMENT,
  INACTIVE_ACCOUNT,
  INVALID_USER_AUTHENTICATION,
  INVALID_CREDENTIAL,
  INVALID_EMAIL,
  INVALID_GROUP,
  INVALID_SSO_TOKEN,
  INVALID_USER,
  MEMBERSHIP_NOT_FOUND,
  MEMBERSHIP_ALREADY_EXISTS,
  NESTED_GROUPS_NOT_SUPPORTED,
  APPLICATION_NOT_FOUND,
  UNSUPPORTED_OPERATION,
  USER_NOT_FOUND,
  OPERATION_FAILED,
  EVENT_TOKEN_EXPIRED,
  INCREMENTAL_SYNC_NOT_AVAILABLE,
  WEBHOOK_NOT_FOUND,
  APPLICATION_MODIFICATION_FAILED,
  DIRECTORY_NOT_FOUND,
  PERMISSION_DENIED,
  INVALID_MEMBERSHIP,
  APPLICATION_ALREADY_EXISTS,
  INVALID_CHANGE_EMAIL_TOKEN,
  SAME_EMAIL_ADDRESS;

  /** The reason named by {@code value} (case-insensitive), or empty when Crowd sent another one. */
  public static java.util.Optional<ErrorReason> parse(String value) {
    if (value == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknownReason) {
      return java.util.Optional.empty();
    }
  }
}
