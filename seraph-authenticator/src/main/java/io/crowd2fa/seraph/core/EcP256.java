package io.crowd2fa.seraph.core;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** NIST P-256 public keys from JWK coordinates or X.509 SubjectPublicKeyInfo, with JDK crypto. */
final class EcP256 {

  private static final ECParameterSpec P256 = p256();
  private static final int COORDINATE_BYTES = 32;

  private EcP256() {}

  /** A key from base64url JWK coordinates; rejects points that are not on the curve. */
  static ECPublicKey fromCoordinates(String x, String y) {
    BigInteger px = coordinate(x, "x");
    BigInteger py = coordinate(y, "y");
    requireOnCurve(px, py);
    try {
      return (ECPublicKey)
          KeyFactory.getInstance("EC")
              .generatePublic(new ECPublicKeySpec(new ECPoint(px, py), P256));
    } catch (GeneralSecurityException e) {
      throw new SeraphAuthenticatorException("EC P-256 key rejected by the JDK", e);
    }
  }

  /** A key pinned by an admin: base64 DER SubjectPublicKeyInfo, PEM armour allowed. */
  static ECPublicKey fromPem(String pemOrBase64) {
    String base64 =
        pemOrBase64
            .replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    PublicKey key;
    try {
      key =
          KeyFactory.getInstance("EC")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SeraphAuthenticatorException("pinned public key is not an EC public key", e);
    }
    ECPublicKey ec = (ECPublicKey) key;
    if (ec.getParams().getCurve().getField().getFieldSize() != 256
        || !ec.getParams().getOrder().equals(P256.getOrder())) {
      throw new SeraphAuthenticatorException("pinned public key is not on curve P-256");
    }
    requireOnCurve(ec.getW().getAffineX(), ec.getW().getAffineY());
    return ec;
  }

  private static BigInteger coordinate(String base64url, String name) {
    if (base64url == null) {
      throw new SeraphAuthenticatorException("JWK coordinate " + name + " missing");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(base64url);
    } catch (IllegalArgumentException e) {
      throw new SeraphAuthenticatorException("JWK coordinate " + name + " is not base64url", e);
    }
    if (bytes.length != COORDINATE_BYTES) {
      throw new SeraphAuthenticatorException("JWK coordinate " + name + " must be 32 bytes");
    }
    return new BigInteger(1, bytes);
  }

  // An off-curve point enables invalid-curve attacks; the JDK's checks vary by version.
  private static void requireOnCurve(BigInteger x, BigInteger y) {
    BigInteger p = ((java.security.spec.ECFieldFp) P256.getCurve().getField()).getP();
    if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
      throw new SeraphAuthenticatorException("EC point coordinates out of range");
    }
    BigInteger left = y.multiply(y).mod(p);
    BigInteger right =
        x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p);
    if (!left.equals(right)) {
      throw new SeraphAuthenticatorException("EC point is not on curve P-256");
    }
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new SeraphAuthenticatorException("the JDK lacks EC P-256", e);
    }
  }
}
