package io.crowd2fa.model.assertion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The {@code sid} claim: binds an assertion to one Crowd SSO token without revealing it. */
public final class SessionBinding {

  private SessionBinding() {}

  /** Base64url (no padding) of the SHA-256 of the token's UTF-8 bytes. */
  public static String of(String crowdToken) {
    if (crowdToken == null || crowdToken.isEmpty()) {
      throw new IllegalArgumentException("token must not be empty");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(crowdToken.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Constant-time comparison of a claimed binding with the token presented. */
  public static boolean matches(String sessionBinding, String crowdToken) {
    if (sessionBinding == null || crowdToken == null || crowdToken.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        sessionBinding.getBytes(StandardCharsets.US_ASCII),
        of(crowdToken).getBytes(StandardCharsets.US_ASCII));
  }
}
