package io.crowd2fa.plugin.web;

import java.util.List;
import java.util.Objects;

/**
 * The second-factor page: whose login it is, the method shown ({@code otp}, {@code rc} or {@code
 * hwk}), the other methods offered, whether the last attempt failed, and for {@code hwk} the
 * WebAuthn request options (JSON, escaped by the template).
 */
public record ChallengeView(
    String username,
    String method,
    List<String> otherMethods,
    boolean wrongCode,
    String securityKeyOptions) {

  public ChallengeView {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(securityKeyOptions, "securityKeyOptions");
    otherMethods = List.copyOf(otherMethods);
  }
}
