package io.crowd2fa.sandbox.launcher;

/** The sandbox could not start; the message tells the admin what to change. */
public final class SandboxLaunchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SandboxLaunchException(String message) {
    super(message);
  }

  public SandboxLaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
