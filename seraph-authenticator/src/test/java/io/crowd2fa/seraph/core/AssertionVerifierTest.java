package io.crowd2fa.seraph.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.seraph.core.AssertionCheck.Reason;
import io.crowd2fa.seraph.core.AssertionCheck.Rejected;
import io.crowd2fa.seraph.core.AssertionCheck.Verified;
import io.crowd2fa.seraph.testing.MutableClock;
import io.crowd2fa.seraph.testing.TokenMint;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssertionVerifierTest {

  private static final String TOKEN = "crowd-token-alice";
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private final TokenMint service = new TokenMint("k1");
  private final MutableClock clock = new MutableClock(NOW);
  private final KeySource keys =
      kid -> Optional.ofNullable(JwksKeySource.parse(TokenMint.jwks(service)).get(kid));
  private final AssertionVerifier verifier =
      new AssertionVerifier(keys, TokenMint.ISSUER, clock, Duration.ofSeconds(60));

  private JWTClaimsSet aliceClaims() {
    return TokenMint.claims("alice", TOKEN, NOW.minusSeconds(30), Duration.ofHours(8)).build();
  }

  @Test
  void verifyWhenSignedByServiceAndBoundThenClaimsReturned() {
    AssertionCheck check = verifier.verify(service.sign(aliceClaims()), TOKEN);

    assertThat(check).isInstanceOf(Verified.class);
    Verified verified = (Verified) check;
    assertThat(verified.claims().subject()).isEqualTo("alice");
    assertThat(verified.claims().methods())
        .containsExactlyInAnyOrder(AuthMethod.PASSWORD, AuthMethod.OTP);
    assertThat(verified.claims().authTime()).isEqualTo(NOW.minusSeconds(30));
  }

  @Test
  void verifyWhenCookieMissingThenRejectedMissing() {
    assertThat(verifier.verify(null, TOKEN)).isEqualTo(new Rejected(Reason.MISSING));
    assertThat(verifier.verify("", TOKEN)).isEqualTo(new Rejected(Reason.MISSING));
  }

  @Test
  void verifyWhenSignedByAnotherKeyWithTheServicesKidThenBadSignature() {
    TokenMint forger = new TokenMint("k1");

    assertThat(verifier.verify(forger.sign(aliceClaims()), TOKEN))
        .isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
  }

  @Test
  void verifyWhenPayloadSwappedAfterSigningThenBadSignature() {
    String genuine = service.sign(aliceClaims());
    String mallory =
        service.sign(TokenMint.claims("mallory", TOKEN, NOW, Duration.ofHours(8)).build());
    String[] a = genuine.split("\\.");
    String[] m = mallory.split("\\.");

    assertThat(verifier.verify(a[0] + "." + m[1] + "." + a[2], TOKEN))
        .isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
  }

  @Test
  void verifyWhenAlgNoneThenHeaderUnacceptable() {
    assertThat(verifier.verify(service.unsigned(aliceClaims()), TOKEN))
        .isEqualTo(new Rejected(Reason.UNACCEPTABLE_HEADER));
  }

  @Test
  void verifyWhenHs256KeyedWithThePublicKeyThenHeaderUnacceptable() {
    assertThat(verifier.verify(service.hmacWithPublicKey(aliceClaims()), TOKEN))
        .isEqualTo(new Rejected(Reason.UNACCEPTABLE_HEADER));
  }

  @Test
  void verifyWhenHeaderBringsItsOwnKeyThenHeaderUnacceptable() {
    assertThat(verifier.verify(service.withJku(aliceClaims()), TOKEN))
        .isEqualTo(new Rejected(Reason.UNACCEPTABLE_HEADER));
    assertThat(verifier.verify(service.withEmbeddedJwk(aliceClaims()), TOKEN))
        .isEqualTo(new Rejected(Reason.UNACCEPTABLE_HEADER));
  }

  @Test
  void verifyWhenKidMissingThenHeaderUnacceptable() {
    String token = service.sign(aliceClaims(), header -> header.keyID(null));

    assertThat(verifier.verify(token, TOKEN)).isEqualTo(new Rejected(Reason.UNACCEPTABLE_HEADER));
  }

  @Test
  void verifyWhenKidUnknownThenUnknownKey() {
    TokenMint other = new TokenMint("k-unknown");

    assertThat(verifier.verify(other.sign(aliceClaims()), TOKEN))
        .isEqualTo(new Rejected(Reason.UNKNOWN_KEY));
  }

  @Test
  void verifyWhenExpiredThenRejectedExpired() {
    clock.advance(Duration.ofHours(8));

    assertThat(verifier.verify(service.sign(aliceClaims()), TOKEN))
        .isEqualTo(new Rejected(Reason.EXPIRED));
  }

  @Test
  void verifyWhenIssuedInTheFutureBeyondSkewThenNotYetValid() {
    JWTClaimsSet future =
        TokenMint.claims("alice", TOKEN, NOW.plusSeconds(600), Duration.ofHours(8)).build();

    assertThat(verifier.verify(service.sign(future), TOKEN))
        .isEqualTo(new Rejected(Reason.NOT_YET_VALID));
  }

  @Test
  void verifyWhenSidBindsAnotherCrowdTokenThenUnbound() {
    assertThat(verifier.verify(service.sign(aliceClaims()), "some-other-crowd-token"))
        .isEqualTo(new Rejected(Reason.UNBOUND));
  }

  @Test
  void verifyWhenIssuerDiffersThenWrongIssuer() {
    JWTClaimsSet claims = new JWTClaimsSet.Builder(aliceClaims()).issuer("https://evil").build();

    assertThat(verifier.verify(service.sign(claims), TOKEN))
        .isEqualTo(new Rejected(Reason.WRONG_ISSUER));
  }

  @Test
  void verifyWhenIssuerDiffersOnlyByTrailingSlashThenAccepted() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(aliceClaims()).issuer(TokenMint.ISSUER + "/").build();

    assertThat(verifier.verify(service.sign(claims), TOKEN)).isInstanceOf(Verified.class);
  }

  @Test
  void verifyWhenAmrNamesUnknownMethodThenBadClaims() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(aliceClaims()).claim("amr", List.of("sms")).build();

    assertThat(verifier.verify(service.sign(claims), TOKEN))
        .isEqualTo(new Rejected(Reason.BAD_CLAIMS));
  }

  @Test
  void verifyWhenNotThreePartsOrPaddedThenMalformed() {
    String genuine = service.sign(aliceClaims());

    assertThat(verifier.verify("abc.def", TOKEN)).isEqualTo(new Rejected(Reason.MALFORMED));
    assertThat(verifier.verify(genuine + ".x", TOKEN)).isEqualTo(new Rejected(Reason.MALFORMED));
    assertThat(verifier.verify(genuine.replaceFirst("\\.", "=."), TOKEN))
        .isEqualTo(new Rejected(Reason.MALFORMED));
  }

  @Test
  void verifyWhenPinnedKeyThenAnyKidVerifiesAgainstIt() {
    AssertionVerifier pinned =
        new AssertionVerifier(
            KeySource.pinned(service.publicKeyPem()), TokenMint.ISSUER, clock, Duration.ZERO);

    assertThat(pinned.verify(service.sign(aliceClaims()), TOKEN)).isInstanceOf(Verified.class);
    assertThat(pinned.verify(new TokenMint("k1").sign(aliceClaims()), TOKEN))
        .isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
  }

  @Test
  void jwksParseWhenPointIsOffTheCurveThenKeyIgnored() {
    String offCurve =
        "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"bad\",\"use\":\"sig\","
            + "\"x\":\"AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\","
            + "\"y\":\"AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]}";

    Map<String, ?> parsed = JwksKeySource.parse(offCurve);

    assertThat(parsed).isEmpty();
  }

  // ---- remembered assertions (re-validation skips the signature check, never the claims)

  private final Map<String, ECPublicKey> published =
      new HashMap<>(JwksKeySource.parse(TokenMint.jwks(service)));
  private final AssertionVerifier remembering =
      new AssertionVerifier(
          kid -> Optional.ofNullable(published.get(kid)),
          TokenMint.ISSUER,
          clock,
          Duration.ofSeconds(60));

  @Test
  void verifyWhenSameAssertionAgainThenRememberedAndItsClaimsStillChecked() {
    String assertion = service.sign(aliceClaims());

    AssertionCheck first = remembering.verify(assertion, TOKEN);
    AssertionCheck again = remembering.verify(assertion, TOKEN);
    AssertionCheck otherToken = remembering.verify(assertion, "some-other-crowd-token");
    clock.advance(Duration.ofHours(8));
    AssertionCheck expired = remembering.verify(assertion, TOKEN);

    assertThat(first).isInstanceOf(Verified.class);
    assertThat(again).isEqualTo(first);
    assertThat(remembering.rememberedCount()).isEqualTo(1);
    assertThat(otherToken).isEqualTo(new Rejected(Reason.UNBOUND));
    assertThat(expired).isEqualTo(new Rejected(Reason.EXPIRED));
  }

  @Test
  void verifyWhenRememberedButTheKeyWasWithdrawnThenUnknownKeyAndForgotten() {
    String assertion = service.sign(aliceClaims());
    assertThat(remembering.verify(assertion, TOKEN)).isInstanceOf(Verified.class);

    published.remove("k1");

    assertThat(remembering.verify(assertion, TOKEN)).isEqualTo(new Rejected(Reason.UNKNOWN_KEY));
    assertThat(remembering.rememberedCount()).isZero();
  }

  @Test
  void verifyWhenRememberedButTheKidNowNamesAnotherKeyThenBadSignature() {
    String assertion = service.sign(aliceClaims());
    assertThat(remembering.verify(assertion, TOKEN)).isInstanceOf(Verified.class);

    published.put("k1", JwksKeySource.parse(TokenMint.jwks(new TokenMint("k1"))).get("k1"));

    assertThat(remembering.verify(assertion, TOKEN)).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
  }

  @Test
  void verifyWhenSignatureOrClaimsBadThenNothingRemembered() {
    String forged = new TokenMint("k1").sign(aliceClaims());
    String unknownAmr =
        service.sign(
            TokenMint.claims("alice", TOKEN, NOW, Duration.ofHours(8))
                .claim("amr", List.of("pwd", "sms"))
                .build());

    assertThat(remembering.verify(forged, TOKEN)).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
    assertThat(remembering.verify(forged, TOKEN)).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
    assertThat(remembering.verify(unknownAmr, TOKEN)).isEqualTo(new Rejected(Reason.BAD_CLAIMS));
    assertThat(remembering.rememberedCount()).isZero();
  }

  @Test
  void verifyWhenRememberingIsOffThenEverySignatureIsChecked() {
    AssertionVerifier forgetful =
        new AssertionVerifier(keys, TokenMint.ISSUER, clock, Duration.ofSeconds(60), 0);
    String assertion = service.sign(aliceClaims());

    assertThat(forgetful.verify(assertion, TOKEN)).isInstanceOf(Verified.class);
    assertThat(forgetful.verify(assertion, TOKEN)).isInstanceOf(Verified.class);
    assertThat(forgetful.rememberedCount()).isZero();
  }

  @Test
  void rememberedAssertionsAreBoundedLeastRecentlyUsedFirstOut() {
    VerifiedAssertions remembered = new VerifiedAssertions(2);
    VerifiedAssertions.Entry entry =
        new VerifiedAssertions.Entry(
            "k1",
            published.get("k1"),
            ((Verified) verifier.verify(service.sign(aliceClaims()), TOKEN)).claims());

    remembered.put("a", entry);
    remembered.put("b", entry);
    remembered.get("a");
    remembered.put("c", entry);

    assertThat(remembered.size()).isEqualTo(2);
    assertThat(remembered.get("b")).isEmpty();
    assertThat(remembered.get("a")).isPresent();
    assertThat(remembered.get("c")).isPresent();
  }
}
