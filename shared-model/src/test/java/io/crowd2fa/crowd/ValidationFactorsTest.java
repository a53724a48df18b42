package io.crowd2fa.crowd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The factors must be built exactly as Crowd's {@code CrowdHttpValidationFactorExtractorImpl}. */
class ValidationFactorsTest {

  @Test
  void fromRequestWhenNoProxyThenRemoteAddressOnly() {
    assertThat(ValidationFactors.fromRequest("192.0.2.10", null).factors())
        .containsExactly(new ValidationFactor("remote_address", "192.0.2.10"));
  }

  @Test
  void fromRequestWhenForwardedThenRemoteAddressThenRawXForwardedFor() {
    assertThat(ValidationFactors.fromRequest("10.0.0.1", "198.51.100.7, 10.0.0.1").factors())
        .containsExactly(
            new ValidationFactor("remote_address", "10.0.0.1"),
            new ValidationFactor("X-Forwarded-For", "198.51.100.7, 10.0.0.1"));
  }

  @Test
  void fromRequestWhenXForwardedForEqualsRemoteAddressThenNotRepeated() {
    assertThat(ValidationFactors.fromRequest("10.0.0.1", "10.0.0.1").factors())
        .containsExactly(new ValidationFactor("remote_address", "10.0.0.1"));
  }

  @Test
  void fromRequestWhenIpv6ZoneIdThenStripped() {
    assertThat(ValidationFactors.fromRequest("fe80:0:0:0:0:0:0:1%eth0", null).factors())
        .containsExactly(new ValidationFactor("remote_address", "fe80:0:0:0:0:0:0:1"));
  }

  @Test
  void fromRequestWhenNoRemoteAddressThenOnlyXForwardedFor() {
    assertThat(ValidationFactors.fromRequest("", "198.51.100.7").factors())
        .containsExactly(new ValidationFactor("X-Forwarded-For", "198.51.100.7"));
  }
}
