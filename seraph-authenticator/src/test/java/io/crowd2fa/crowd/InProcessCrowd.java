package io.crowd2fa.crowd;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * BENCHMARK-ONLY: a {@link CrowdClient} that does everything the real client does for {@code POST
 * /session/{token}} except the network: it builds the JSON body and the {@link HttpRequest} with
 * the client's own codec ({@link CrowdJson}, hence this package) and parses a canned Crowd reply.
 */
public final class InProcessCrowd implements CrowdClient {

  private static final String REPLY =
      "{\"expand\":\"user\",\"token\":\"%s\",\"user\":{\"name\":\"%s\",\"first-name\":\"Alice\","
          + "\"last-name\":\"Anderson\",\"display-name\":\"Alice Anderson\","
          + "\"email\":\"alice@example.com\",\"active\":true},"
          + "\"created-date\":1764331200000,\"expiry-date\":1764333000000}";

  private final CrowdClientConfig config =
      CrowdClientConfig.of(URI.create("http://localhost:8095/crowd"), "jira", new Password("x"));
  private final String user;

  public InProcessCrowd(String user) {
    this.user = user;
  }

  @Override
  public CrowdClientConfig config() {
    return config;
  }

  @Override
  public CrowdResult<CrowdSession> validateSession(SsoToken token, ValidationFactors factors) {
    HttpRequest request =
        HttpRequest.newBuilder(
                config
                    .restBaseUrl()
                    .resolve("session/" + URLEncoder.encode(token.value(), StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(CrowdJson.validationFactors(factors)))
            .build();
    if (request.method().isEmpty()) {
      throw new IllegalStateException("unreachable");
    }
    try {
      return CrowdResult.ok(
          CrowdJson.session(CrowdJson.readObject(String.format(REPLY, token.value(), user))));
    } catch (IOException e) {
      throw new CrowdProtocolException("unparseable reply", 200, e);
    }
  }

  @Override
  public CrowdResult<CrowdUser> authenticate(String username, Password password) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CrowdResult<CrowdSession> createSession(SessionRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CrowdResult<CrowdSession> getSession(SsoToken token, boolean expandUser) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void invalidateSession(SsoToken token) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void invalidateSessionsOfUser(String username, Optional<SsoToken> exclude) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CrowdResult<CrowdUser> getUser(String username) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CrowdResult<List<String>> getNestedGroupNames(String username) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CrowdResult<List<String>> getDirectGroupNames(String username) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CookieConfiguration getCookieConfiguration() {
    throw new UnsupportedOperationException();
  }
}
