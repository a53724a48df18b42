package io.crowd2fa.plugin.config;

import io.crowd2fa.plugin.engine.EngineFault;

/** A configuration value is missing or wrong; start-up stops with a message naming the key. */
public final class ConfigurationException extends EngineFault {

  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }
}
