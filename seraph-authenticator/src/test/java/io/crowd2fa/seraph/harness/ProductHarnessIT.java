package io.crowd2fa.seraph.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.nimbusds.jwt.JWTClaimsSet;
import io.crowd2fa.crowd.ValidationFactor;
import io.crowd2fa.sandbox.crowd.CrowdStandIn;
import io.crowd2fa.sandbox.product.ProductFlavour;
import io.crowd2fa.sandbox.product.RememberMeCookies;
import io.crowd2fa.sandbox.product.RunningProduct;
import io.crowd2fa.sandbox.product.SampleProduct;
import io.crowd2fa.seraph.confluence.ConfluenceTwoFactorAuthenticator;
import io.crowd2fa.seraph.jira.JiraTwoFactorAuthenticator;
import io.crowd2fa.seraph.testing.MutableClock;
import io.crowd2fa.seraph.testing.ProductFixture;
import io.crowd2fa.seraph.testing.TokenMint;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code crowd2fa-seraph.jar} in the Jira-like and Confluence-like sample products on
 * Tomcat 9, against the Crowd stand-in and a stand-in of the 2FA service's key and policy
 * documents. Every attack asserts that no protected content was served. jakarta-tests runs this
 * class transformed, with {@code crowd2fa-seraph-jakarta.jar} on Tomcat 10.1: only API common to
 * both Tomcats may be used here and in the sandbox.
 */
class ProductHarnessIT {

  private static final MutableClock CLOCK = new MutableClock(ProductFixture.NOW);
  private static final TokenMint SERVICE_KEY = new TokenMint("sandbox-1");
  @TempDir static Path dir;

  private static CrowdStandIn crowd;
  private static RunningProduct jira;
  private static RunningProduct confluence;
  private static String serviceUrl;

  @BeforeAll
  static void startStack() throws IOException {
    FakeServiceServlet service = new FakeServiceServlet(TokenMint.jwks(SERVICE_KEY));
    service.policy(
        "jira",
        "{\"application\":\"jira\",\"maxAgeSeconds\":28800,\"paths\":"
            + "[{\"pattern\":\"/secure/admin/*\",\"maxAgeSeconds\":900}],\"version\":1}");
    service.policy(
        "confluence",
        "{\"application\":\"confluence\",\"maxAgeSeconds\":null,\"paths\":"
            + "[{\"pattern\":\"/admin/*\",\"maxAgeSeconds\":900}],\"version\":1}");
    crowd =
        CrowdStandIn.builder()
            .port(0)
            .clock(CLOCK)
            .servlet("2fa-documents", service, Map.of(), "/plugins/servlet/2fa/*")
            .build()
            .start();
    serviceUrl = crowd.baseUrl() + "/plugins/servlet/2fa";
    jira = start(SampleProduct.jiraLike(), "jira", JiraTwoFactorAuthenticator.class.getName());
    confluence =
        start(
            SampleProduct.confluenceLike(),
            "confluence",
            ConfluenceTwoFactorAuthenticator.class.getName());
  }

  private static RunningProduct start(
      SampleProduct.Builder builder, String application, String authenticator) throws IOException {
    Path crowdProperties = dir.resolve(application + "-crowd.properties");
    Files.writeString(
        crowdProperties,
        "application.name="
            + application
            + "\napplication.password="
            + application
            + "-secret\ncrowd.base.url="
            + crowd.baseUrl()
            + "\nsession.validationinterval=2\n");
    Path seraph = dir.resolve(application + "-seraph-config.xml");
    Files.writeString(
        seraph,
        SampleProduct.seraphConfigXml(
            authenticator,
            serviceUrl + "/login?os_destination=${originalurl}",
            serviceUrl + "/logout",
            Map.of("crowd2fa.service.url", serviceUrl, "crowd2fa.breakglass.users", "rescue")));
    return builder
        .port(0)
        .authenticatorJar(
            Path.of(System.getProperty("crowd2fa.seraph.jar", "target/crowd2fa-seraph.jar")))
        .seraphConfig(seraph)
        .crowdProperties(crowdProperties)
        .clock(CLOCK)
        .start();
  }

  @AfterAll
  static void stopStack() {
    if (jira != null) {
      jira.close();
    }
    if (confluence != null) {
      confluence.close();
    }
    if (crowd != null) {
      crowd.close();
    }
  }

  /** A Crowd SSO session as the 2FA service creates it after both factors. */
  private static String crowdToken(String user) {
    return crowd
        .sessions()
        .create(
            user,
            List.of(new ValidationFactor(ValidationFactor.REMOTE_ADDRESS, "127.0.0.1")),
            Optional.empty())
        .token();
  }

  private static String assertion(String user, String token, Instant authTime) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(
                TokenMint.claims(user, token, authTime, Duration.ofHours(12)).build())
            .issuer(serviceUrl)
            .build();
    return SERVICE_KEY.sign(claims);
  }

  private static Browser signedIn(String user, Instant authTime) {
    String token = crowdToken(user);
    return new Browser()
        .cookie("crowd.token_key", token)
        .cookie("crowd2fa.assertion", assertion(user, token, authTime));
  }

  private static String marker() {
    return RunningProduct.protectedMarker();
  }

  private static List<String> variants(ProductFlavour flavour, String path) {
    String upper = path.toUpperCase(Locale.ROOT);
    int slash = path.lastIndexOf('/');
    String dotted = path.substring(0, slash) + "/." + path.substring(slash);
    String staticPrefix = flavour.staticPrefix();
    String login = flavour.loginPage();
    return List.of(
        path,
        path + ";",
        path + ";jsessionid=x",
        path + "%3B",
        path + "%3bjsessionid=x",
        path + "/",
        path + ";.jspa",
        "/" + path,
        path.replaceFirst("/", "//"),
        upper,
        path.substring(0, 2) + upper.substring(2),
        dotted,
        staticPrefix + "/..;" + path,
        staticPrefix + "/%2e%2e" + path,
        staticPrefix + "/%2E%2E" + path,
        staticPrefix + "/x/..%2f.." + path,
        staticPrefix + "/x/_/;/../.." + path,
        staticPrefix + ";/.." + path,
        login + "/..;" + path,
        login + ";/.." + path,
        login + "%3B/.." + path,
        path.replace(".", "%2e"),
        path.replace("/", "%2f"));
  }

  @TestFactory
  Stream<DynamicTest> pathNormalisationCorpusNeverServesProtectedContentWithout2fa() {
    List<DynamicTest> tests = new ArrayList<>();
    for (RunningProduct product : List.of(jira, confluence)) {
      ProductFlavour flavour = product.flavour();
      for (String path : List.of(flavour.userPage(), flavour.adminPage(), flavour.restEndpoint())) {
        for (String variant : variants(flavour, path)) {
          tests.add(
              dynamicTest(
                  flavour + " " + variant,
                  () -> {
                    String passwordOnlyToken = crowdToken("alice");
                    String foreignToken = crowdToken("bob");
                    List<Browser> attackers =
                        List.of(
                            new Browser(),
                            new Browser().cookie("crowd.token_key", passwordOnlyToken),
                            new Browser()
                                .cookie("crowd.token_key", passwordOnlyToken)
                                .cookie(
                                    "crowd2fa.assertion",
                                    assertion("alice", foreignToken, CLOCK.instant())),
                            new Browser()
                                .cookie(
                                    RememberMeCookies.COOKIE,
                                    product.rememberMe().remember("admin")));
                    for (Browser attacker : attackers) {
                      HttpResponse<String> response = attacker.get(product.url(variant));
                      assertThat(response.body())
                          .as("%s %s with %s", flavour, variant, attacker.cookies.keySet())
                          .doesNotContain(marker());
                    }
                  }));
        }
      }
    }
    return tests.stream();
  }

  @Test
  void authenticatorLoadedFromTheBuiltJarInTheWebAppsOwnClassLoader() throws Exception {
    Class<?> loaded = jira.authenticator().getClass();
    Path jar = Path.of(System.getProperty("crowd2fa.seraph.jar", "target/crowd2fa-seraph.jar"));

    assertThat(loaded.getName()).isEqualTo(JiraTwoFactorAuthenticator.class.getName());
    assertThat(loaded).isNotSameAs(JiraTwoFactorAuthenticator.class);
    assertThat(Path.of(loaded.getProtectionDomain().getCodeSource().getLocation().toURI()))
        .isEqualTo(jar.toAbsolutePath());
    assertThat(
            Class.forName("io.crowd2fa.crowd.CrowdClient", false, loaded.getClassLoader())
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI())
        .isEqualTo(jar.toAbsolutePath().toUri());
  }

  @Test
  void validSsoThenCanonicalPagesServedAndShowTheUser() {
    Browser alice = signedIn("alice", CLOCK.instant());

    HttpResponse<String> dashboard = alice.get(jira.url(jira.flavour().userPage()));
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains("Signed in as alice").contains(marker());
    HttpResponse<String> rest = alice.get(jira.url(jira.flavour().restEndpoint()));
    assertThat(rest.body()).contains("\"name\":\"alice\"");

    Browser contractor = signedIn("contractor", CLOCK.instant());
    assertThat(contractor.get(confluence.url(confluence.flavour().userPage())).body())
        .contains("Signed in as contractor");
    assertThat(contractor.get(jira.url(jira.flavour().userPage())).body()).doesNotContain(marker());
  }

  /** Proves the corpus is meaningful: these tricks do reach the protected servlet on Tomcat. */
  @Test
  void corpusVariantsThatTomcatNormalisesReachTheProtectedPageWhenSignedIn() {
    Browser alice = signedIn("alice", CLOCK.instant());
    String page = jira.flavour().userPage();
    List<String> served =
        variants(jira.flavour(), page).stream()
            .filter(variant -> alice.get(jira.url(variant)).body().contains(marker()))
            .toList();

    assertThat(served)
        .contains(
            page,
            page + ";",
            page + ";jsessionid=x",
            "/static/..;" + page,
            "/login.jsp/..;" + page,
            page.replace("/Dashboard", "/./Dashboard"));
  }

  @Test
  void protectedPageWithoutSsoThenRedirectToCentralLoginWithOriginalUrl() {
    HttpResponse<String> response = new Browser().get(jira.url("/secure/Dashboard.jspa?a=b"));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .isEqualTo(
            serviceUrl
                + "/login?os_destination="
                + URLEncoder.encode(
                    jira.url("/secure/Dashboard.jspa?a=b"), StandardCharsets.UTF_8));
  }

  @Test
  void adminPageWhenSecondFactorOlderThanItsRuleThenStepUpElseServed() {
    Browser stale = signedIn("admin", CLOCK.instant().minusSeconds(3600));
    assertThat(stale.get(jira.url(jira.flavour().userPage())).body()).contains(marker());

    HttpResponse<String> admin = stale.get(jira.url(jira.flavour().adminPage()));
    assertThat(admin.statusCode()).isEqualTo(302);
    assertThat(admin.headers().firstValue("Location").orElseThrow())
        .startsWith(serviceUrl + "/verify?os_destination=");
    assertThat(admin.body()).doesNotContain(marker());

    Browser fresh = signedIn("admin", CLOCK.instant());
    assertThat(fresh.get(jira.url(jira.flavour().adminPage())).body())
        .contains("Administrator admin");
  }

  @Test
  void apiClientsWithoutValidSsoGet401JsonNeverARedirect() {
    String rest = jira.url(jira.flavour().restEndpoint());
    List<HttpResponse<String>> responses =
        List.of(
            new Browser().get(rest, "Accept", "application/json"),
            new Browser().get(rest, "X-Requested-With", "XMLHttpRequest"),
            new Browser().get(rest, "Authorization", ProductFixture.basic("alice", "alice123")),
            new Browser().get(rest + "?os_authType=basic"),
            new Browser()
                .cookie("crowd.token_key", crowdToken("alice"))
                .get(rest, "Accept", "application/json"));

    for (HttpResponse<String> response : responses) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("X-Crowd2FA-Login-Url"))
          .contains(serviceUrl + "/login");
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/json");
      assertThat(response.body()).startsWith("{\"error\":").doesNotContain(marker());
    }
  }

  @Test
  void productLoginFormRefusedForEveryoneButBreakGlass() {
    for (RunningProduct product : List.of(jira, confluence)) {
      Browser alice = new Browser();
      HttpResponse<String> login =
          alice.postForm(
              product.url(product.flavour().loginPage()), "os_username=alice&os_password=alice123");
      assertThat(login.body()).contains("Login failed");
      assertThat(alice.get(product.url(product.flavour().userPage())).body())
          .doesNotContain(marker());

      Browser rescue = new Browser();
      assertThat(
              rescue
                  .postForm(
                      product.url(product.flavour().loginPage()),
                      "os_username=rescue&os_password=rescue123")
                  .body())
          .contains("Login success");
      assertThat(rescue.get(product.url(product.flavour().userPage())).body())
          .contains("Signed in as rescue");
    }
  }

  @Test
  void tokenRevokedAtCrowdThenNoticedWhenTheValidationIntervalEnds() {
    Browser alice = signedIn("alice", CLOCK.instant());
    String dashboard = jira.url(jira.flavour().userPage());
    assertThat(alice.get(dashboard).body()).contains(marker());

    crowd.sessions().invalidate(alice.cookies.get("crowd.token_key"));
    CLOCK.advance(Duration.ofSeconds(90));
    assertThat(alice.get(dashboard).body()).contains(marker());

    CLOCK.advance(Duration.ofSeconds(31));
    HttpResponse<String> after = alice.get(dashboard);
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.body()).doesNotContain(marker());
  }

  @Test
  void logoutInOneProductEndsTheCrowdSessionForAll() {
    Browser bob = signedIn("bob", CLOCK.instant());
    String token = bob.cookies.get("crowd.token_key");
    assertThat(bob.get(jira.url(jira.flavour().userPage())).body()).contains(marker());
    assertThat(bob.get(confluence.url(confluence.flavour().userPage())).body()).contains(marker());

    HttpResponse<String> logout = bob.get(jira.url(jira.flavour().logoutPath()));

    assertThat(logout.headers().firstValue("Location")).contains(serviceUrl + "/logout");
    assertThat(crowd.sessions().find(token)).isEmpty();
    assertThat(bob.cookies).doesNotContainKeys("crowd.token_key", "crowd2fa.assertion");
    Browser stolenCookies = new Browser().cookie("crowd.token_key", token);
    CLOCK.advance(Duration.ofMinutes(3));
    assertThat(stolenCookies.get(confluence.url(confluence.flavour().userPage())).body())
        .doesNotContain(marker());
  }
}
