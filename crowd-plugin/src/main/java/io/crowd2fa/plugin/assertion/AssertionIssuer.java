package io.crowd2fa.plugin.assertion;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crowd2fa.model.assertion.AssertionClaims;
import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.plugin.keys.SigningKeys;
import java.util.Date;

/**
 * Signs the 2FA assertion (DESIGN D3) as a compact ES256 JWS with the current key's {@code kid}.
 */
public final class AssertionIssuer {

  /** Name of the cookie that carries the assertion beside {@code crowd.token_key}. */
  public static final String COOKIE_NAME = "crowd2fa.assertion";

  private final SigningKeys keys;

  public AssertionIssuer(SigningKeys keys) {
    this.keys = keys;
  }

  public String issue(AssertionClaims claims) {
    ECKey key = keys.current();
    JWTClaimsSet set =
        new JWTClaimsSet.Builder()
            .subject(claims.subject())
            .claim("sid", claims.sessionBinding())
            .claim("amr", claims.methods().stream().sorted().map(AuthMethod::claimValue).toList())
            .claim("auth_time", claims.authTime().getEpochSecond())
            .issueTime(Date.from(claims.issuedAt()))
            .expirationTime(Date.from(claims.expiresAt()))
            .issuer(claims.issuer())
            .build();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT jwt = new SignedJWT(header, set);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("ES256 signing failed", e);
    }
    return jwt.serialize();
  }
}
