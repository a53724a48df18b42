package io.crowd2fa.plugin.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The policy file as configuration ({@code crowd2fa.policy.file}): what it says becomes the policy
 * in force, as a new audited version, at start and whenever its content changes. This node acts
 * only on content it has not seen before, so an edit made another way (a later version in the
 * database) is not overwritten until the file itself changes again.
 */
public final class PolicyFile {

  private final PolicyService policies;
  private final Path file;
  private volatile byte[] lastSeen = new byte[0];

  public PolicyFile(PolicyService policies, Path file) {
    this.policies = Objects.requireNonNull(policies, "policies");
    this.file = Objects.requireNonNull(file, "file");
  }

  /** At start: an unreadable or invalid file stops the start, naming the offending field. */
  public VersionedPolicy applyAtStart() {
    byte[] content = read();
    PolicyUpdate update = policies.applyFile(text(content), file.getFileName().toString());
    if (update instanceof PolicyUpdate.Invalid invalid) {
      throw new PolicyImportFault(
          "policy file " + file + " is invalid at " + invalid.field() + ": " + invalid.message());
    }
    lastSeen = sha256(content);
    return policies.current();
  }

  /**
   * Later (housekeeping): applies the file if its content changed since this node last read it;
   * returns 1 when a new version was saved, else 0. An invalid file leaves the policy in force as
   * it is (the refusal is audited once per content); an unreadable one is a fault for the caller to
   * log.
   */
  public int applyIfChanged() {
    byte[] content = read();
    byte[] hash = sha256(content);
    if (Arrays.equals(hash, lastSeen)) {
      return 0;
    }
    lastSeen = hash;
    PolicyUpdate update = policies.applyFile(text(content), file.getFileName().toString());
    return update instanceof PolicyUpdate.Saved ? 1 : 0;
  }

  private byte[] read() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new PolicyImportFault("cannot read policy file " + file, e);
    }
  }

  private static String text(byte[] content) {
    return new String(content, StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
