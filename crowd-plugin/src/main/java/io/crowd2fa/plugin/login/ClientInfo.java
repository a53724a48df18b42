package io.crowd2fa.plugin.login;

import io.crowd2fa.crowd.ValidationFactors;
import java.util.Objects;

/**
 * Who is on the other end of a request: the address as the container resolved it (trusted proxy
 * handling belongs to the container), the user agent for the audit log, and Crowd's validation
 * factors built the way Crowd's own client builds them.
 */
public record ClientInfo(String address, String userAgent, ValidationFactors validationFactors) {

  public ClientInfo {
    Objects.requireNonNull(address, "address");
    userAgent = userAgent == null ? "" : userAgent;
    Objects.requireNonNull(validationFactors, "validationFactors");
  }
}
