package io.crowd2fa.sandbox.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crowd2fa.crowd.CrowdClientConfig;
import io.crowd2fa.crowd.CrowdProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SandboxHomeTest {

  @TempDir Path root;

  private final SandboxTopology topology = new SandboxTopology(8095, 8080, 8090);

  @Test
  void writeWhenFreshHomeThenProductCrowdPropertiesAreValidCrowdClientConfiguration() {
    SandboxHome home = new SandboxHome(root);

    home.write(topology, null);

    CrowdClientConfig jira = CrowdProperties.load(home.productCrowdProperties(Product.JIRA));
    assertThat(jira.applicationName()).isEqualTo("jira");
    assertThat(jira.cookieTokenKey()).isEqualTo("crowd.token_key");
    CrowdClientConfig service = CrowdProperties.load(home.serviceCrowdProperties());
    assertThat(service.applicationName()).isEqualTo("crowd2fa");
  }

  @Test
  void writeWhenFreshHomeThenSeraphConfigSwapsOnlyTheAuthenticatorForCrowd2fa() throws Exception {
    SandboxHome home = new SandboxHome(root);

    home.write(topology, null);

    Document seraph =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(home.seraphConfig(Product.CONFLUENCE).toFile());
    Element authenticator = (Element) seraph.getElementsByTagName("authenticator").item(0);
    assertThat(authenticator.getAttribute("class"))
        .isEqualTo("io.crowd2fa.seraph.confluence.ConfluenceTwoFactorAuthenticator");
    assertThat(authenticator.getTextContent())
        .contains("crowd2fa.service.url")
        .contains("http://localhost:8095/crowd/plugins/servlet/2fa");
    assertThat(seraph.getElementsByTagName("param-value").item(0).getTextContent())
        .isEqualTo(
            "http://localhost:8095/crowd/plugins/servlet/2fa/login?os_destination=${originalurl}");
  }

  @Test
  void writeWhenFreshHomeThenServiceConfigPointsAtFilesUnderTheHome() throws Exception {
    SandboxHome home = new SandboxHome(root);

    home.write(topology, null);

    Properties service = new Properties();
    try (var in = Files.newBufferedReader(home.serviceConfig())) {
      service.load(in);
    }
    assertThat(service.getProperty("crowd2fa.service.base-url"))
        .isEqualTo("http://localhost:8095/crowd/plugins/servlet/2fa");
    assertThat(Path.of(service.getProperty("crowd2fa.policy.file"))).exists();
    assertThat(Path.of(service.getProperty("crowd2fa.crowd.properties"))).exists();
    assertThat(Path.of(service.getProperty("crowd2fa.key-file")).getParent()).isDirectory();
    assertThat(service.getProperty("crowd2fa.db.url")).startsWith("jdbc:h2:file:" + root);
    assertThat(service.getProperty("crowd2fa.products"))
        .isEqualTo("jira=http://localhost:8080/jira,confluence=http://localhost:8090/confluence");
  }

  @Test
  void starterPolicyRequiresSecurityKeyForExternalAndFifteenMinutesOnJiraAdmin() throws Exception {
    JsonNode policy = new ObjectMapper().readTree(SandboxHome.starterPolicy());

    JsonNode external = policy.path("rules").get(1);
    assertThat(external.path("match").path("groups").path("any").get(0).asText())
        .isEqualTo("external");
    assertThat(external.path("factors")).hasSize(1);
    assertThat(external.path("factors").get(0).asText()).isEqualTo("webauthn");
    assertThat(
            policy
                .path("applications")
                .path("jira")
                .path("paths")
                .get(0)
                .path("maxAgeSeconds")
                .asInt())
        .isEqualTo(900);
    assertThat(policy.path("defaultRule").path("enrolmentGrace").path("logins").asInt())
        .isEqualTo(3);
  }

  @Test
  void writeWhenPolicyAlreadyEditedThenKeptAcrossRestarts() throws Exception {
    SandboxHome home = new SandboxHome(root);
    home.write(topology, null);
    Files.writeString(home.policy(), "{\"defaultRule\":{\"action\":\"exempt\"}}");

    home.write(topology, null);

    assertThat(home.policy()).hasContent("{\"defaultRule\":{\"action\":\"exempt\"}}");
  }
}
