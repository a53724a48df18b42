package io.crowd2fa.plugin.totp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TotpCodesTest {

  private final TotpCodes codes = new TotpCodes(TotpParameters.RFC_6238_DEFAULT);
  private final String seed = RfcTestVectorsTest.SHA1_SEED;
  private final long now = 1_111_111_109L / 30;

  @ParameterizedTest(name = "matchingStepWhenCodeFromStepOffset{0}ThenThatStepIsReported")
  @ValueSource(longs = {-1, 0, 1})
  void matchingStepWhenCodeWithinOneStepThenThatStepIsReported(long offset) {
    String code = codes.generate(seed, now + offset);
    assertThat(codes.matchingStep(seed, code, now, 1)).hasValue(now + offset);
  }

  @ParameterizedTest(name = "matchingStepWhenCodeFromStepOffset{0}ThenNoMatch")
  @ValueSource(longs = {-2, 2, -3, 3})
  void matchingStepWhenCodeTwoOrMoreStepsAwayThenNoMatch(long offset) {
    String code = codes.generate(seed, now + offset);
    assertThat(codes.matchingStep(seed, code, now, 1)).isEmpty();
  }

  @Test
  void matchingStepWhenDriftZeroThenOnlyTheCurrentStepMatches() {
    assertThat(codes.matchingStep(seed, codes.generate(seed, now - 1), now, 0)).isEmpty();
    assertThat(codes.matchingStep(seed, codes.generate(seed, now), now, 0)).hasValue(now);
  }

  @Test
  void matchingStepWhenCodeDiffersInOneDigitThenNoMatch() {
    String code = codes.generate(seed, now);
    char first = code.charAt(0);
    String wrong = (first == '9' ? '0' : (char) (first + 1)) + code.substring(1);
    assertThat(codes.matchingStep(seed, wrong, now, 1)).isEmpty();
  }
}
