package io.crowd2fa.seraph.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.crowd2fa.model.assertion.SessionBinding;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Mints assertions the way the 2FA service does (nimbus-jose-jwt, ES256), and forgeries of them.
 */
public final class TokenMint {

  public static final String ISSUER = "http://localhost:8095/crowd/plugins/servlet/2fa";

  private final ECKey key;

  public TokenMint(String kid) {
    try {
      this.key =
          new ECKeyGenerator(Curve.P_256)
              .keyID(kid)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public String kid() {
    return key.getKeyID();
  }

  public ECKey key() {
    return key;
  }

  /** The public JWKS document holding this and the other mints' keys. */
  public static String jwks(TokenMint... mints) {
    return new JWKSet(
            java.util.Arrays.stream(mints).map(m -> (com.nimbusds.jose.jwk.JWK) m.key).toList())
        .toPublicJWKSet()
        .toString();
  }

  public String publicKeyPem() {
    try {
      return "-----BEGIN PUBLIC KEY-----\n"
          + java.util.Base64.getMimeEncoder().encodeToString(key.toECPublicKey().getEncoded())
          + "\n-----END PUBLIC KEY-----";
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims for {@code user} bound to {@code token}, second factor passed at {@code authTime}. */
  public static JWTClaimsSet.Builder claims(
      String user, String token, Instant authTime, Duration lifetime, String... amr) {
    return new JWTClaimsSet.Builder()
        .subject(user)
        .claim("sid", SessionBinding.of(token))
        .claim("amr", List.of(amr.length == 0 ? new String[] {"pwd", "otp"} : amr))
        .claim("auth_time", authTime.getEpochSecond())
        .issueTime(Date.from(authTime))
        .expirationTime(Date.from(authTime.plus(lifetime)))
        .issuer(ISSUER);
  }

  public String sign(JWTClaimsSet claims) {
    return sign(claims, header -> header);
  }

  public String sign(JWTClaimsSet claims, UnaryOperator<JWSHeader.Builder> header) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              header
                  .apply(
                      new JWSHeader.Builder(JWSAlgorithm.ES256)
                          .keyID(key.getKeyID())
                          .type(JOSEObjectType.JWT))
                  .build(),
              claims);
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code alg: none}, kid set: the classic downgrade. */
  public String unsigned(JWTClaimsSet claims) {
    String plain = new PlainJWT(claims).serialize();
    String payload = plain.split("\\.")[1];
    String header =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"alg\":\"none\",\"kid\":\"" + key.getKeyID() + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return header + "." + payload + ".";
  }

  /** HS256 keyed with the public key's encoding: the algorithm-confusion attack. */
  public String hmacWithPublicKey(JWTClaimsSet claims) {
    try {
      byte[] secret = key.toECPublicKey().getEncoded();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A header that tries to bring its own key. */
  public String withJku(JWTClaimsSet claims) {
    return sign(claims, header -> header.jwkURL(URI.create("https://evil.example/jwks.json")));
  }

  public String withEmbeddedJwk(JWTClaimsSet claims) {
    return sign(claims, header -> header.jwk(key.toPublicJWK()));
  }
}
