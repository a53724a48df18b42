package io.crowd2fa.plugin.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import io.crowd2fa.model.assertion.AssertionClaims;
import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.model.assertion.SessionBinding;
import io.crowd2fa.plugin.audit.RecordingAuditLog;
import io.crowd2fa.plugin.crypto.MasterKeyStore;
import io.crowd2fa.plugin.crypto.MasterKeyring;
import io.crowd2fa.plugin.crypto.SecretBox;
import io.crowd2fa.plugin.keys.InMemorySigningKeyRepository;
import io.crowd2fa.plugin.keys.SigningKeys;
import io.crowd2fa.plugin.web.TestClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssertionIssuerTest {

  private static final String ISSUER = "https://crowd.example.com/crowd/plugins/servlet/2fa";

  private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final SecureRandom random = new SecureRandom();
  private final SigningKeys keys =
      new SigningKeys(
          new InMemorySigningKeyRepository(),
          new RecordingAuditLog(),
          InMemorySigningKeyRepository.NO_TRANSACTION,
          new SecretBox(new MasterKeyring(List.of(new MasterKeyStore(random).newKey())), random),
          clock,
          random,
          Duration.ofHours(12));

  private AssertionClaims claims(String token, AuthMethod... methods) {
    Instant now = clock.instant();
    return new AssertionClaims(
        "alice",
        SessionBinding.of(token),
        EnumSet.of(methods[0], methods),
        now,
        now,
        now.plus(Duration.ofHours(12)),
        ISSUER);
  }

  @Test
  void assertionIsCompactEs256JwsWithKidAndTheContractClaims() throws Exception {
    keys.ensureCurrentKey();

    String compact =
        new AssertionIssuer(keys).issue(claims("token-1", AuthMethod.PASSWORD, AuthMethod.OTP));

    SignedJWT jwt = SignedJWT.parse(compact);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.current().getKeyID());
    ECKey publicKey = (ECKey) keys.publishedKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(jwt.verify(new ECDSAVerifier(publicKey))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("sid")).isEqualTo(SessionBinding.of("token-1"));
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("amr")).containsExactly("pwd", "otp");
    assertThat(jwt.getJWTClaimsSet().getLongClaim("auth_time"))
        .isEqualTo(clock.instant().getEpochSecond());
    assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(clock.instant());
    assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
        .isEqualTo(clock.instant().plus(Duration.ofHours(12)));
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
  }

  @Test
  void readerAcceptsOnlyAnAssertionBoundToTheHeldToken() {
    keys.ensureCurrentKey();
    String compact =
        new AssertionIssuer(keys).issue(claims("token-1", AuthMethod.PASSWORD, AuthMethod.OTP));
    AssertionReader reader = new AssertionReader(keys, clock, ISSUER);

    assertThat(reader.validFor(compact, "token-1")).isPresent();
    assertThat(reader.validFor(compact, "token-2")).isEmpty();
  }

  @Test
  void readerRefusesExpiredTamperedAndForeignIssuerAssertions() {
    keys.ensureCurrentKey();
    String compact = new AssertionIssuer(keys).issue(claims("t", AuthMethod.PASSWORD));
    AssertionReader reader = new AssertionReader(keys, clock, ISSUER);
    String[] parts = compact.split("\\.");
    String tampered =
        parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

    assertThat(reader.validFor(tampered, "t")).isEmpty();
    assertThat(new AssertionReader(keys, clock, "https://other").validFor(compact, "t")).isEmpty();
    assertThat(reader.validFor("not.a.jws", "t")).isEmpty();
    clock.advance(Duration.ofHours(12));
    assertThat(reader.validFor(compact, "t")).isEmpty();
  }

  @Test
  void assertionSignedBeforeRotationStillVerifiesWithThePublishedPreviousKey() throws Exception {
    keys.ensureCurrentKey();
    String before =
        new AssertionIssuer(keys).issue(claims("t", AuthMethod.PASSWORD, AuthMethod.OTP));
    clock.advance(Duration.ofMinutes(1));

    keys.rotate();

    assertThat(new AssertionReader(keys, clock, ISSUER).validFor(before, "t")).isPresent();
  }
}
