package io.crowd2fa.plugin.login;

import io.crowd2fa.plugin.config.ConfigurationException;
import io.crowd2fa.plugin.policy.PolicyDocument;
import io.crowd2fa.plugin.policy.PolicyJson;
import io.crowd2fa.plugin.policy.PolicyParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The policy document read from the configured file at start-up. Its version is a checksum of the
 * text, so every node reading the same file reports the same version to the authenticators.
 */
public record PolicySource(PolicyDocument document, long version) {

  public static PolicySource load(Path file, String configKey) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(configKey + ": cannot read " + file + ": " + e.getMessage());
    }
    PolicyParseResult parsed = new PolicyJson().parse(text);
    if (parsed instanceof PolicyParseResult.Invalid invalid) {
      throw new ConfigurationException(configKey + ": " + file + " is not a valid policy: " + invalid);
    }
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return new PolicySource(((PolicyParseResult.Parsed) parsed).document(), crc.getValue());
  }
}
