package io.crowd2fa.crowd;

import java.util.Objects;
import java.util.function.Function;

/**
 * The expected outcome of a Crowd call: the entity, or Crowd's rejection with its {@link
 * ErrorReason}. Faults are {@link CrowdException}s instead.
 */
public sealed interface CrowdResult<T> permits CrowdResult.Ok, CrowdResult.Rejected {

  /** Crowd answered with the entity. */
  record Ok<T>(T value) implements CrowdResult<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Crowd refused with an error body. */
  record Rejected<T>(CrowdError error) implements CrowdResult<T> {
    public Rejected {
      Objects.requireNonNull(error, "error");
    }

    public ErrorReason reason() {
      return error.reason();
    }
  }

  static <T> CrowdResult<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> CrowdResult<T> rejected(ErrorReason reason, String message) {
    return new Rejected<>(new CrowdError(reason, message));
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  /** The reason of a rejection, or {@code null} when the call succeeded. */
  default ErrorReason reasonOrNull() {
    return this instanceof Rejected<T> rejected ? rejected.reason() : null;
  }

  default <U> CrowdResult<U> map(Function<? super T, ? extends U> mapper) {
    if (this instanceof Ok<T> ok) {
      return new Ok<>(mapper.apply(ok.value()));
    }
    return new Rejected<>(((Rejected<T>) this).error());
  }

  /** The entity, or a {@link CrowdRejectedException} carrying the rejection. */
  default T orElseThrow() {
    if (this instanceof Ok<T> ok) {
      return ok.value();
    }
    throw new CrowdRejectedException(((Rejected<T>) this).error());
  }
}
