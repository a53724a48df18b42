package io.crowd2fa.plugin.web;

/**
 * The request is malformed or over a limit; answered with a plain 400 page, never a stack trace.
 */
public final class BadRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Which field was wrong, for the audit log; never its value. */
  private final String field;

  public BadRequestException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
