package io.crowd2fa.plugin.recovery;

import java.time.Instant;
import java.util.List;

/** A freshly generated set, in clear: shown to the user once, never stored or logged. */
public record RecoveryCodes(List<String> codes, Instant generatedAt) {

  public RecoveryCodes {
    codes = List.copyOf(codes);
  }

  @Override
  public String toString() {
    return "RecoveryCodes[" + codes.size() + " codes, generatedAt=" + generatedAt + "]";
  }
}
