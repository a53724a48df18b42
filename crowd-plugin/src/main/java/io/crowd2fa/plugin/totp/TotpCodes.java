package io.crowd2fa.plugin.totp;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.crowd2fa.plugin.engine.EngineFault;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.OptionalLong;

/**
 * RFC 4226/6238 codes through {@code dev.samstevens.totp}'s generator. The library's verifier only
 * answers yes or no, so the window is walked here to learn which time step matched (needed to
 * refuse replays and older steps).
 */
public final class TotpCodes {

  private final TotpParameters parameters;
  private final CodeGenerator generator;

  public TotpCodes(TotpParameters parameters) {
    this.parameters = parameters;
    this.generator =
        new DefaultCodeGenerator(parameters.algorithm().hashing(), parameters.digits());
  }

  /** The code for one counter (RFC 4226 HOTP) or time step (RFC 6238 TOTP). */
  public String generate(String base32Secret, long counter) {
    try {
      return generator.generate(base32Secret, counter);
    } catch (CodeGenerationException e) {
      throw new EngineFault("TOTP code generation failed", e);
    }
  }

  public String generateAt(String base32Secret, long epochSeconds) {
    return generate(base32Secret, parameters.timeStep(epochSeconds));
  }

  /**
   * The highest time step in {@code [step - drift, step + drift]} whose code equals {@code code}.
   * Every step in the window is computed and compared in constant time, match or not, so the timing
   * does not tell which step (if any) matched.
   */
  public OptionalLong matchingStep(String base32Secret, String code, long currentStep, int drift) {
    byte[] offered = code.getBytes(StandardCharsets.US_ASCII);
    long matched = Long.MIN_VALUE;
    for (long step = currentStep - drift; step <= currentStep + drift; step++) {
      byte[] expected = generate(base32Secret, step).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, offered)) {
        matched = step;
      }
    }
    return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
  }

  public TotpParameters parameters() {
    return parameters;
  }
}
