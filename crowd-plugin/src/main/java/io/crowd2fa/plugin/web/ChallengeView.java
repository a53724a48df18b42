package io.crowd2fa.plugin.web;

import java.util.List;
import java.util.Objects;

/**
 * The second-factor page: whose login it is, the method shown ({@code otp}, {@code rc} or {@code
 * hwk}), the other methods offered, and whether the last code was wrong.
 */
public record ChallengeView(
    String username, String method, List<String> otherMethods, boolean wrongCode) {

  public ChallengeView {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(method, "method");
    otherMethods = List.copyOf(otherMethods);
  }
}
