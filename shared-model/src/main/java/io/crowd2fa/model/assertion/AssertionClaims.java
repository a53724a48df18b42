package io.crowd2fa.model.assertion;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The claims of the 2FA assertion that the service sets beside {@code crowd.token_key} (DESIGN D3).
 *
 * @param subject {@code sub}: the Crowd username
 * @param sessionBinding {@code sid}: base64url SHA-256 of the Crowd SSO token, see {@link
 *     SessionBinding}
 * @param methods {@code amr}: the methods that were passed; {@code [pwd]} alone records a policy
 *     exemption (no second factor was asked for)
 * @param authTime {@code auth_time}: when the second factor (or the exempt login) was passed
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param issuer {@code iss}: the service's base URL
 */
public record AssertionClaims(
    String subject,
    String sessionBinding,
    Set<AuthMethod> methods,
    Instant authTime,
    Instant issuedAt,
    Instant expiresAt,
    String issuer) {

  public AssertionClaims {
    requireText(subject, "sub");
    requireText(sessionBinding, "sid");
    requireText(issuer, "iss");
    Objects.requireNonNull(methods, "amr");
    Objects.requireNonNull(authTime, "auth_time");
    Objects.requireNonNull(issuedAt, "iat");
    Objects.requireNonNull(expiresAt, "exp");
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("amr must name at least one method");
    }
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("exp must be after iat");
    }
    if (authTime.isAfter(issuedAt)) {
      throw new IllegalArgumentException("auth_time must not be after iat");
    }
    methods = Set.copyOf(EnumSet.copyOf(methods));
  }

  /** True when the service exempted the user by policy: no second factor was asked for. */
  public boolean isPolicyExemption() {
    return methods.stream().noneMatch(AuthMethod::isSecondFactor);
  }

  private static void requireText(String value, String claim) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(claim + " must not be blank");
    }
  }
}
