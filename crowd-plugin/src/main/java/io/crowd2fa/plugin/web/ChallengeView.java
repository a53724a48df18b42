package io.crowd2fa.plugin.web;

import java.util.List;
import java.util.Objects;

/**
 * The second-factor page: whose login it is, the method shown ({@code otp}, {@code rc} or {@code
 * hwk}), the other methods offered, whether the last attempt failed, and for {@code hwk} the
 * WebAuthn request options (JSON, escaped by the template); {@code beforeEnrolment} when the proof
 * is asked before the user sets up a kind of factor the policy now requires.
 */
public record ChallengeView(
    String username,
    String method,
    List<String> otherMethods,
    boolean wrongCode,
    String securityKeyOptions,
    boolean beforeEnrolment) {

  public ChallengeView {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(securityKeyOptions, "securityKeyOptions");
    otherMethods = List.copyOf(otherMethods);
  }
}
