package io.crowd2fa.plugin.crypto;

import io.crowd2fa.plugin.engine.EngineFault;

/** The master key is missing, unreadable, too widely readable, or a sealed value is corrupt. */
public final class CryptoFault extends EngineFault {

  private static final long serialVersionUID = 1L;

  public CryptoFault(String message) {
    super(message);
  }

  public CryptoFault(String message, Throwable cause) {
    super(message, cause);
  }
}
