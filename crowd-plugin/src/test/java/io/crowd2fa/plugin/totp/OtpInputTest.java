package io.crowd2fa.plugin.totp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OtpInputTest {

  @ParameterizedTest(name = "parseWhen[{0}]ThenMalformed")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        "12345",
        "1234567",
        "123456789",
        "12345a",
        "١٢٣٤٥٦", // Arabic-Indic digits: Character.isDigit says yes, we say no
        "１２３４５６", // full-width digits
        "123456\u0000",
        "123-456",
        "+123456",
        "0x1234",
        "123456789012345678901234567890123"
      })
  void parseWhenNotSixOrEightAsciiDigitsThenMalformed(String raw) {
    assertThat(OtpInput.parse(raw)).isInstanceOf(OtpInput.Malformed.class);
  }

  @Test
  void parseWhenOverLongThenMalformedWithoutEchoingTheInput() {
    OtpInput.Parsed parsed = OtpInput.parse("9".repeat(10_000));
    assertThat(parsed).isInstanceOf(OtpInput.Malformed.class);
    assertThat(((OtpInput.Malformed) parsed).reason()).contains("over-long").doesNotContain("999");
  }

  @Test
  void parseWhenGroupedWithSpacesThenDigitsOnly() {
    assertThat(OtpInput.parse(" 123 456 ")).isEqualTo(new OtpInput.Digits("123456"));
    assertThat(OtpInput.parse("12345678")).isEqualTo(new OtpInput.Digits("12345678"));
  }
}
