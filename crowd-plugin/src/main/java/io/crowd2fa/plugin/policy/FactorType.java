package io.crowd2fa.plugin.policy;

import java.util.Arrays;
import java.util.Optional;

/** The second-factor types a policy can allow; the JSON name is what documents use. */
public enum FactorType {
  TOTP("totp"),
  WEBAUTHN("webauthn");

  private final String jsonName;

  FactorType(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static Optional<FactorType> fromJsonName(String name) {
    return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
  }
}
