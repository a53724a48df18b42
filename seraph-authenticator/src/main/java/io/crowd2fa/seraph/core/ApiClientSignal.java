package io.crowd2fa.seraph.core;

import java.util.Arrays;
import java.util.Optional;

/** What marks a request as coming from an API client rather than a browser (init-param names). */
public enum ApiClientSignal {
  /** Any {@code Authorization} header (Basic, Bearer, ...). */
  AUTHORIZATION_HEADER("authorization"),
  /** {@code Accept} names {@code application/json} and not {@code text/html}. */
  ACCEPT_JSON("accept-json"),
  /** An {@code X-Requested-With} header (XHR, Atlassian's REST clients). */
  X_REQUESTED_WITH("x-requested-with"),
  /** Seraph's {@code os_authType=basic} query parameter. */
  OS_AUTHTYPE_BASIC("os-authtype-basic");

  private final String configName;

  ApiClientSignal(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static Optional<ApiClientSignal> fromConfigName(String name) {
    return Arrays.stream(values()).filter(s -> s.configName.equals(name)).findFirst();
  }
}
