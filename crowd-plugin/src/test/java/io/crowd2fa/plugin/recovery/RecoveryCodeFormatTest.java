package io.crowd2fa.plugin.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryCodeFormatTest {

  @Test
  void secretCarriesAtLeast112Bits() {
    assertThat(RecoveryCodeFormat.SECRET_BITS).isGreaterThanOrEqualTo(112);
    assertThat(RecoveryCodeFormat.ALPHABET).hasSize(32).doesNotContain("i", "l", "o", "u");
  }

  @Test
  void displayFormParsesBackToTheSameParts() {
    SecureRandom random = new SecureRandom();
    RecoveryCodeFormat.Parts parts =
        new RecoveryCodeFormat.Parts(
            RecoveryCodeFormat.random(random, RecoveryCodeFormat.ID_LENGTH),
            RecoveryCodeFormat.random(random, RecoveryCodeFormat.SECRET_LENGTH));

    String display = parts.display();

    assertThat(display).matches("([0-9a-z]{4}-){6}[0-9a-z]{4}");
    assertThat(RecoveryCodeFormat.parse(display)).isEqualTo(new RecoveryCodeFormat.Valid(parts));
    assertThat(RecoveryCodeFormat.parse(display.toUpperCase().replace('-', ' ')))
        .isEqualTo(new RecoveryCodeFormat.Valid(parts));
    assertThat(parts.toString()).doesNotContain(parts.secret());
  }

  @Test
  void lookAlikeLettersAreReadAsDigits() {
    RecoveryCodeFormat.Parsed parsed = RecoveryCodeFormat.parse("IL0O" + "0".repeat(24));
    assertThat(parsed)
        .isEqualTo(
            new RecoveryCodeFormat.Valid(new RecoveryCodeFormat.Parts("1100", "0".repeat(24))));
  }

  @ParameterizedTest(name = "parseWhen[{0}]ThenMalformed")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "abcd",
        "abcd-efgh-jkmn-pqrs-tvwx-yz01-234",
        "abcd-efgh-jkmn-pqrs-tvwx-yz01-2345-6",
        "abcd-efgh-jkmn-pqrs-tvwx-yz01-23u5",
        "ａbcd-efgh-jkmn-pqrs-tvwx-yz01-2345"
      })
  void parseWhenWrongLengthOrAlphabetThenMalformed(String raw) {
    assertThat(RecoveryCodeFormat.parse(raw)).isInstanceOf(RecoveryCodeFormat.Malformed.class);
  }

  @Test
  void parseWhenOverLongThenMalformedWithoutEcho() {
    RecoveryCodeFormat.Parsed parsed = RecoveryCodeFormat.parse("a".repeat(100_000));
    assertThat(((RecoveryCodeFormat.Malformed) parsed).reason())
        .contains("over-long")
        .doesNotContain("aaaa");
  }
}
