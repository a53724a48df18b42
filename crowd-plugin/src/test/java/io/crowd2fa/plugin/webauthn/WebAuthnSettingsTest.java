package io.crowd2fa.plugin.webauthn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.UserVerificationRequirement;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebAuthnSettingsTest {

  @Test
  void secondFactorDefaultsNeedNoUserVerificationNorAttestationAndExpireInFiveMinutes() {
    WebAuthnSettings settings =
        WebAuthnSettings.secondFactor(
            "example.com", "Crowd2FA", Set.of("https://login.example.com"));

    assertThat(settings.userVerification()).isEqualTo(UserVerificationRequirement.DISCOURAGED);
    assertThat(settings.attestation()).isEqualTo(AttestationConveyancePreference.NONE);
    assertThat(settings.challengeTimeout()).isEqualTo(Duration.ofMinutes(5));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://login.example.com",
        "https://login.example.com/",
        "https://login.example.com/crowd",
        "https://example.org",
        "https://evilexample.com",
        "ftp://example.com",
        "not a uri"
      })
  void originOutsideRpIdOrNotAnOriginIsRefused(String origin) {
    assertThatThrownBy(
            () -> WebAuthnSettings.secondFactor("example.com", "Crowd2FA", Set.of(origin)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plainHttpIsAllowedForLocalhostOnly() {
    assertThat(
            WebAuthnSettings.secondFactor("localhost", "Dev", Set.of("http://localhost:8095"))
                .origins())
        .containsExactly("http://localhost:8095");
  }

  @Test
  void challengeTimeoutAboveFiveMinutesIsRefused() {
    assertThatThrownBy(
            () ->
                new WebAuthnSettings(
                    "example.com",
                    "Crowd2FA",
                    Set.of("https://example.com"),
                    UserVerificationRequirement.REQUIRED,
                    AttestationConveyancePreference.NONE,
                    Duration.ofMinutes(5).plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
