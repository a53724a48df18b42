package io.crowd2fa.plugin.engine;

/**
 * Root of the engine's unchecked faults: a broken database, a missing key, a misconfiguration.
 * Expected outcomes (wrong code, lockout, replay) are never faults; they are sealed results.
 */
public class EngineFault extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EngineFault(String message) {
    super(message);
  }

  public EngineFault(String message, Throwable cause) {
    super(message, cause);
  }
}
