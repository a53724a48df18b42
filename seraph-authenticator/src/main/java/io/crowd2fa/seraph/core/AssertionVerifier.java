package io.crowd2fa.seraph.core;

import io.crowd2fa.model.assertion.AssertionClaims;
import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.model.assertion.SessionBinding;
import io.crowd2fa.seraph.core.AssertionCheck.Reason;
import io.crowd2fa.seraph.core.AssertionCheck.Rejected;
import io.crowd2fa.seraph.core.AssertionCheck.Verified;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies the compact-JWS (ES256) 2FA assertion with JDK crypto only. The header is checked
 * strictly before any key is looked up: {@code alg} must be {@code ES256} (so {@code none} and
 * HMAC-with-the-public-key confusion are impossible), {@code kid} is required, and headers that
 * would let the token choose its own key ({@code jku}, {@code jwk}, {@code x5u}, {@code x5c}) or
 * demand unknown extensions ({@code crit}) reject the token outright. An assertion whose signature
 * verified is remembered ({@link VerifiedAssertions}), so re-validations skip the signature check
 * as long as its {@code kid} still names the same key; its claims are checked every time.
 */
public final class AssertionVerifier {

  private static final Set<String> SELF_KEYING_HEADERS = Set.of("jku", "jwk", "x5u", "x5c", "crit");
  private static final int P1363_SIGNATURE_BYTES = 64;
  private static final int MAX_TOKEN_CHARS = 4096;

  /** Enough for the sessions of a large product node; each entry holds one cookie (≈ 1 KB). */
  public static final int DEFAULT_REMEMBERED = 4096;

  private final KeySource keys;
  private final String expectedIssuer;
  private final Clock clock;
  private final Duration allowedSkew;
  private final VerifiedAssertions verified;

  public AssertionVerifier(KeySource keys, String expectedIssuer, Clock clock, Duration skew) {
    this(keys, expectedIssuer, clock, skew, DEFAULT_REMEMBERED);
  }

  /**
   * @param remembered how many verified assertions to remember; 0 checks every signature
   */
  public AssertionVerifier(
      KeySource keys, String expectedIssuer, Clock clock, Duration skew, int remembered) {
    this.keys = keys;
    this.expectedIssuer = withoutTrailingSlash(expectedIssuer);
    this.clock = clock;
    this.allowedSkew = skew;
    this.verified = new VerifiedAssertions(remembered);
  }

  /** Checks {@code compactJws} and that its {@code sid} binds it to {@code crowdToken}. */
  public AssertionCheck verify(String compactJws, String crowdToken) {
    if (compactJws == null || compactJws.isEmpty()) {
      return new Rejected(Reason.MISSING);
    }
    Optional<VerifiedAssertions.Entry> known = verified.get(compactJws);
    if (known.isPresent()) {
      if (keys.keyFor(known.get().kid()).filter(known.get().key()::equals).isPresent()) {
        return checkClaims(known.get().claims(), crowdToken);
      }
      // The key was withdrawn or replaced: the old signature proves nothing any more.
      verified.remove(compactJws);
    }
    Optional<Parts> parts = Parts.split(compactJws);
    if (parts.isEmpty()) {
      return new Rejected(Reason.MALFORMED);
    }
    Map<String, Object> header;
    Map<String, Object> payload;
    byte[] signature;
    try {
      header = Json.object(base64url(parts.get().header()));
      payload = Json.object(base64url(parts.get().payload()));
      signature = base64url(parts.get().signature());
    } catch (SeraphAuthenticatorException | IllegalArgumentException e) {
      return new Rejected(Reason.MALFORMED);
    }
    Optional<String> kid = acceptableKid(header);
    if (kid.isEmpty()) {
      return new Rejected(Reason.UNACCEPTABLE_HEADER);
    }
    Optional<ECPublicKey> key = keys.keyFor(kid.get());
    if (key.isEmpty()) {
      return new Rejected(Reason.UNKNOWN_KEY);
    }
    if (!signatureValid(key.get(), parts.get().signingInput(), signature)) {
      return new Rejected(Reason.BAD_SIGNATURE);
    }
    AssertionClaims claims;
    try {
      claims = claims(payload);
    } catch (SeraphAuthenticatorException | IllegalArgumentException e) {
      return new Rejected(Reason.BAD_CLAIMS);
    }
    verified.put(compactJws, new VerifiedAssertions.Entry(kid.get(), key.get(), claims));
    return checkClaims(claims, crowdToken);
  }

  /** How many verified assertions are remembered now. */
  int rememberedCount() {
    return verified.size();
  }

  private AssertionCheck checkClaims(AssertionClaims claims, String crowdToken) {
    Instant now = clock.instant();
    if (!expectedIssuer.equals(withoutTrailingSlash(claims.issuer()))) {
      return new Rejected(Reason.WRONG_ISSUER);
    }
    if (claims.issuedAt().isAfter(now.plus(allowedSkew))) {
      return new Rejected(Reason.NOT_YET_VALID);
    }
    if (!now.isBefore(claims.expiresAt())) {
      return new Rejected(Reason.EXPIRED);
    }
    if (!SessionBinding.matches(claims.sessionBinding(), crowdToken)) {
      return new Rejected(Reason.UNBOUND);
    }
    return new Verified(claims);
  }

  // The service and each product name the same base URL, one perhaps with a trailing slash.
  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static Optional<String> acceptableKid(Map<String, Object> header) {
    if (!"ES256".equals(header.get("alg"))) {
      return Optional.empty();
    }
    for (String name : SELF_KEYING_HEADERS) {
      if (header.containsKey(name)) {
        return Optional.empty();
      }
    }
    Object kid = header.get("kid");
    if (kid instanceof String text && !text.isEmpty()) {
      return Optional.of(text);
    }
    return Optional.empty();
  }

  private static boolean signatureValid(ECPublicKey key, byte[] signingInput, byte[] signature) {
    if (signature.length != P1363_SIGNATURE_BYTES) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
      verifier.initVerify(key);
      verifier.update(signingInput);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static AssertionClaims claims(Map<String, Object> payload) {
    return new AssertionClaims(
        Json.string(payload, "sub").orElse(null),
        Json.string(payload, "sid").orElse(null),
        methods(Json.array(payload, "amr")),
        seconds(payload, "auth_time"),
        seconds(payload, "iat"),
        seconds(payload, "exp"),
        Json.string(payload, "iss").orElse(null));
  }

  private static Set<AuthMethod> methods(List<?> amr) {
    Set<AuthMethod> methods = EnumSet.noneOf(AuthMethod.class);
    for (Object value : amr) {
      // An unknown method is not ignored: the service and this jar must agree on what "amr" means.
      methods.add(
          AuthMethod.fromClaimValue(String.valueOf(value))
              .orElseThrow(() -> new IllegalArgumentException("unknown amr value")));
    }
    return methods;
  }

  private static Instant seconds(Map<String, Object> payload, String claim) {
    return Instant.ofEpochSecond(
        Json.integer(payload, claim)
            .orElseThrow(() -> new IllegalArgumentException(claim + " missing")));
  }

  private static byte[] base64url(String part) {
    // RFC 7515 forbids padding; the JDK decoder would otherwise accept it.
    if (part.indexOf('=') >= 0) {
      throw new IllegalArgumentException("padding in base64url");
    }
    return java.util.Base64.getUrlDecoder().decode(part);
  }

  private record Parts(String header, String payload, String signature, byte[] signingInput) {

    static Optional<Parts> split(String token) {
      if (token.length() > MAX_TOKEN_CHARS) {
        return Optional.empty();
      }
      int first = token.indexOf('.');
      int second = first < 0 ? -1 : token.indexOf('.', first + 1);
      if (first <= 0 || second <= first + 1 || token.indexOf('.', second + 1) >= 0) {
        return Optional.empty();
      }
      return Optional.of(
          new Parts(
              token.substring(0, first),
              token.substring(first + 1, second),
              token.substring(second + 1),
              token.substring(0, second).getBytes(StandardCharsets.US_ASCII)));
    }
  }
}
