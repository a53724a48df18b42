package io.crowd2fa.plugin.persistence;

import io.crowd2fa.plugin.engine.EngineFault;

/** The database could not be opened, migrated or used. Callers fail closed (DESIGN D5). */
public final class DatabaseFault extends EngineFault {

  private static final long serialVersionUID = 1L;

  public DatabaseFault(String message, Throwable cause) {
    super(message, cause);
  }
}
