package io.crowd2fa.seraph.sso;

import java.io.Serializable;

/**
 * What the HTTP session remembers after a full validation, so later requests can be answered from
 * memory (DESIGN D4). Plain longs and one string: cheap to compare, and serialisable for clustered
 * session stores.
 *
 * @param token the Crowd SSO token that was validated (compared with the cookie on every request,
 *     as Crowd's own client keeps it in the session)
 * @param username the Crowd user, equal to the assertion's {@code sub}
 * @param validatedAtMillis when Crowd last confirmed the token
 * @param authTimeSeconds the assertion's {@code auth_time}
 * @param expiresAtSeconds the assertion's {@code exp}
 * @param policyExemption the assertion recorded a policy exemption (no freshness rule applies)
 */
public record SessionRecord(
    String token,
    String username,
    long validatedAtMillis,
    long authTimeSeconds,
    long expiresAtSeconds,
    boolean policyExemption)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public SessionRecord {
    if (token == null || token.isEmpty() || username == null || username.isEmpty()) {
      throw new IllegalArgumentException("token and username are required");
    }
  }

  @Override
  public String toString() {
    return "SessionRecord[username=" + username + ", validatedAtMillis=" + validatedAtMillis + "]";
  }
}
