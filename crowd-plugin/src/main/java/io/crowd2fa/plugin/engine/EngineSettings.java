package io.crowd2fa.plugin.engine;

import io.crowd2fa.plugin.lockout.LockoutPolicy;
import io.crowd2fa.plugin.totp.TotpSettings;
import java.util.Objects;

/** Configuration of the engine's factors and throttling. */
public record EngineSettings(TotpSettings totp, LockoutPolicy lockout) {

  public EngineSettings {
    Objects.requireNonNull(totp, "totp");
    Objects.requireNonNull(lockout, "lockout");
  }

  public static EngineSettings defaults(String issuer) {
    return new EngineSettings(TotpSettings.defaults(issuer), LockoutPolicy.DEFAULT);
  }
}
