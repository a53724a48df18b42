package com.atlassian.seraph.auth;

import com.atlassian.seraph.config.SecurityConfigFactory;
import io.crowd2fa.atlassianapi.testing.FakeRequest;
import io.crowd2fa.atlassianapi.testing.FakeResponse;
import io.crowd2fa.atlassianapi.testing.SeraphWorld;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A product with alice (may log in), bob (may log in) and mallory (may not log in). */
abstract class AuthenticatorFixture {
  SeraphWorld world;
  DirectoryAuthenticator authenticator;
  FakeRequest request;
  FakeResponse response;

  @BeforeEach
  void startProduct() {
    world =
        new SeraphWorld()
            .user("alice", "alice-pw")
            .user("bob", "bob-pw")
            .userWithoutLoginPermission("mallory", "mallory-pw");
    // DefaultAuthenticator asks the role mapper through the process-wide factory, as Seraph does.
    SecurityConfigFactory.setSecurityConfig(world);
    authenticator = new DirectoryAuthenticator();
    authenticator.init(Map.of(), world);
    request = new FakeRequest();
    response = new FakeResponse();
  }

  @AfterEach
  void stopProduct() {
    SecurityConfigFactory.setSecurityConfig(null);
  }

  static String basic(String username, String password) {
    String pair = username + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
