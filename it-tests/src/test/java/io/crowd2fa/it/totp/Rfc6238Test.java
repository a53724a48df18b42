package io.crowd2fa.it.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test-side TOTP generator against RFC 6238 Appendix B, so the e2e tests can trust it. */
class Rfc6238Test {

  private static final byte[] SHA1_SEED =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256_SEED =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512_SEED =
      "1234567890123456789012345678901234567890123456789012345678901234"
          .getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "rfc6238AppendixB_t{0}")
  @CsvSource({
    "59, 94287082, 46119246, 90693936",
    "1111111109, 07081804, 68084774, 25091201",
    "1111111111, 14050471, 67062674, 99943326",
    "1234567890, 89005924, 91819424, 93441116",
    "2000000000, 69279037, 90698825, 38618901",
    "20000000000, 65353130, 77737706, 47863826"
  })
  void rfc6238AppendixB(long seconds, String sha1, String sha256, String sha512) {
    Instant time = Instant.ofEpochSecond(seconds);
    Duration period = Duration.ofSeconds(30);

    assertThat(new Rfc6238(SHA1_SEED, "HmacSHA1", 8, period).codeAt(time)).isEqualTo(sha1);
    assertThat(new Rfc6238(SHA256_SEED, "HmacSHA256", 8, period).codeAt(time)).isEqualTo(sha256);
    assertThat(new Rfc6238(SHA512_SEED, "HmacSHA512", 8, period).codeAt(time)).isEqualTo(sha512);
  }

  @ParameterizedTest(name = "base32 of \"{1}\"")
  @CsvSource({"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ, 12345678901234567890", "MZXW6YTBOI======, foobar"})
  void decodeBase32WhenRfc4648VectorThenOriginalBytes(String base32, String text) {
    assertThat(new String(Rfc6238.decodeBase32(base32), StandardCharsets.US_ASCII)).isEqualTo(text);
  }
}
