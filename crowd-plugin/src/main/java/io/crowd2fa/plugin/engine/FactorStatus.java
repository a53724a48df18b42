package io.crowd2fa.plugin.engine;

/** Whether an enrolled factor can be used. */
public enum FactorStatus {
  ACTIVE,
  /** Disabled after the hard cap of consecutive failures; must be enrolled again. */
  DISABLED
}
