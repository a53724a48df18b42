package io.crowd2fa.plugin.assertion;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crowd2fa.model.assertion.AssertionClaims;
import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.model.assertion.SessionBinding;
import io.crowd2fa.plugin.keys.SigningKeys;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an assertion this service issued, for the step-up page: is there a valid one for the token
 * the browser holds, and how old is its second factor? Anything unverifiable counts as absent.
 */
public final class AssertionReader {

  /** Assertion cookies longer than this are not even parsed. */
  public static final int MAX_LENGTH = 4096;

  private final SigningKeys keys;
  private final Clock clock;
  private final String issuer;

  public AssertionReader(SigningKeys keys, Clock clock, String issuer) {
    this.keys = keys;
    this.clock = clock;
    this.issuer = issuer;
  }

  /** The claims when {@code compact} is a valid, unexpired assertion bound to {@code token}. */
  public Optional<AssertionClaims> validFor(String compact, String token) {
    if (compact == null || compact.isEmpty() || compact.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(compact);
      if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
        return Optional.empty();
      }
      JWK key = keys.publishedKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
      if (!(key instanceof ECKey ecKey) || !jwt.verify(new ECDSAVerifier(ecKey))) {
        return Optional.empty();
      }
      return claims(jwt.getJWTClaimsSet())
          .filter(c -> SessionBinding.matches(c.sessionBinding(), token));
    } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private Optional<AssertionClaims> claims(JWTClaimsSet set) throws ParseException {
    Instant now = clock.instant();
    if (!issuer.equals(set.getIssuer())
        || set.getExpirationTime() == null
        || !set.getExpirationTime().toInstant().isAfter(now)) {
      return Optional.empty();
    }
    List<String> amr = set.getStringListClaim("amr");
    Set<AuthMethod> methods = EnumSet.noneOf(AuthMethod.class);
    for (String value : amr) {
      methods.add(AuthMethod.fromClaimValue(value).orElseThrow(IllegalArgumentException::new));
    }
    Long authTime = set.getLongClaim("auth_time");
    return Optional.of(
        new AssertionClaims(
            set.getSubject(),
            set.getStringClaim("sid"),
            methods,
            Instant.ofEpochSecond(authTime),
            set.getIssueTime().toInstant(),
            set.getExpirationTime().toInstant(),
            set.getIssuer()));
  }
}
