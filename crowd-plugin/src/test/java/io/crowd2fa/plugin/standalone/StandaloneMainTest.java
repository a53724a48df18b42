package io.crowd2fa.plugin.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.config.ServiceConfigLoader;
import io.crowd2fa.plugin.web.ServiceHarness;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;

class StandaloneMainTest {

  @Test
  void runnerServesTheServiceAtTheConfiguredBaseUrlOnEmbeddedTomcat() throws Exception {
    try (ServiceHarness harness = new ServiceHarness()) {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      URI base = URI.create("http://localhost:" + port + "/crowd2fa");
      Path config =
          harness.writeConfiguration(harness.crowd.baseUrl(), base, "standalone.properties");
      Tomcat tomcat = StandaloneMain.tomcat(ServiceConfigLoader.load(config, Map.of()), config);
      tomcat.start();
      try {
        HttpResponse<String> status =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"status\":\"UP\"");
        assertThat(login.body()).contains("action=\"/crowd2fa/login\"");
      } finally {
        tomcat.stop();
        tomcat.destroy();
      }
    }
  }
}
