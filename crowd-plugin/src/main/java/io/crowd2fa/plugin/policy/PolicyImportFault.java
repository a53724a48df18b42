package io.crowd2fa.plugin.policy;

import io.crowd2fa.plugin.engine.EngineFault;

/** The configured policy file cannot be imported; the service must not start on a guess. */
public final class PolicyImportFault extends EngineFault {
  private static final long serialVersionUID = 1L;

  public PolicyImportFault(String message) {
    super(message);
  }

  public PolicyImportFault(String message, Throwable cause) {
    super(message, cause);
  }
}
