package io.crowd2fa.sandbox.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness behaves like Seraph with the product's own (password) authenticator. */
class SeraphHarnessTest {

  @TempDir Path dir;
  private RunningProduct jira;
  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @BeforeEach
  void start() throws IOException {
    Path seraph = dir.resolve("seraph-config.xml");
    Files.writeString(
        seraph,
        "<security-config><parameters><init-param><param-name>login.url</param-name>"
            + "<param-value>/login.jsp?os_destination=${originalurl}</param-value></init-param>"
            + "</parameters>"
            + "<!-- <authenticator class=\"com.example.Commented\"/> -->"
            + "<authenticator class=\"com.atlassian.jira.security.login.JiraSeraphAuthenticator\"/>"
            + "<authenticator class=\"com.example.SecondIsIgnored\"/></security-config>");
    jira = SampleProduct.jiraLike().port(0).seraphConfig(seraph).start();
  }

  @AfterEach
  void stop() {
    jira.close();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(URI.create(jira.url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void seraphConfigWhenSeveralAuthenticatorsThenFirstUncommentedOneWins() {
    assertThat(jira.authenticator().getClass().getName())
        .isEqualTo("com.atlassian.jira.security.login.JiraSeraphAuthenticator");
  }

  @Test
  void protectedPathWithoutUserThenRedirectToLoginUrlWithOriginalUrl() throws Exception {
    HttpResponse<String> response = get("/secure/Dashboard.jspa?x=1");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .endsWith(
            "/jira/login.jsp?os_destination="
                + URLEncoder.encode(
                    jira.url("/secure/Dashboard.jspa?x=1"), StandardCharsets.UTF_8));
    assertThat(response.body()).doesNotContain(RunningProduct.protectedMarker());
  }

  @Test
  void productLoginFormThenSessionShowsUserAndAdminPageNeedsAdmin() throws Exception {
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(URI.create(jira.url("/login.jsp")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("os_username=alice&os_password=alice123"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.body()).contains("Login success");

    assertThat(get("/secure/Dashboard.jspa").body()).contains("Signed in as alice");
    assertThat(get("/secure/admin/ViewUsers.jspa").statusCode()).isEqualTo(302);
  }

  @Test
  void staticResourcesAreNotProtected() throws Exception {
    assertThat(get("/static/app.css").statusCode()).isEqualTo(200);
  }

  @Test
  void seraphConfigXmlWhenGeneratedThenReadBack() throws IOException {
    Path file = dir.resolve("generated.xml");
    Files.writeString(
        file,
        SampleProduct.seraphConfigXml(
            "a.B", "http://login?d=${originalurl}", "http://logout", Map.of("k", "v&w")));

    SeraphConfigFile read = SeraphConfigFile.read(file);

    assertThat(read.authenticatorClass()).isEqualTo("a.B");
    assertThat(read.authenticatorParams()).containsEntry("k", "v&w");
    assertThat(read.parameters()).containsEntry("logout.url", "http://logout");
  }
}
