package io.crowd2fa.plugin.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the next page of an {@link AuditSearch} starts: strictly older than this event in the order
 * (time, id), both descending. The id breaks ties between events of the same microsecond, so a walk
 * through the pages sees every event exactly once even while new events are appended.
 *
 * <p>The token is not signed: a cursor only narrows a search the admin may run anyway, so a forged
 * one can hide events from its forger but never show more. It is still parsed strictly, so a
 * garbled one is a clear error rather than an empty page.
 */
public record AuditCursor(Instant occurredAt, long id) {

  // Both parts are digits only; the lengths keep the numbers inside a long.
  private static final Pattern TOKEN = Pattern.compile("([0-9]{1,17})-([0-9]{1,18})");

  public AuditCursor {
    Objects.requireNonNull(occurredAt, "occurredAt");
    AuditSearch.requireWithinBounds(occurredAt, "cursor time");
    if (id < 1) {
      throw new IllegalArgumentException("cursor id must be >= 1");
    }
  }

  /** The cursor that continues after {@code event}, the last of a page. */
  public static AuditCursor after(AuditEvent event) {
    return new AuditCursor(event.occurredAt(), Objects.requireNonNull(event.id(), "event id"));
  }

  /** {@code <microseconds since the epoch>-<id>}: the database keeps times to the microsecond. */
  public String token() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt) + "-" + id;
  }

  /** The cursor {@code token} names, or empty when it is garbled or out of bounds. */
  public static Optional<AuditCursor> parse(String token) {
    Matcher matcher = TOKEN.matcher(token == null ? "" : token);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      Instant at = Instant.EPOCH.plus(Long.parseLong(matcher.group(1)), ChronoUnit.MICROS);
      return Optional.of(new AuditCursor(at, Long.parseLong(matcher.group(2))));
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
