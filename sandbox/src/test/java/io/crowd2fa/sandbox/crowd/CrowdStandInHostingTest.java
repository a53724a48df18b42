package io.crowd2fa.sandbox.crowd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.servlet.Filter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/** The launcher mounts the 2FA service in the stand-in's {@code /crowd} context, as in Crowd. */
class CrowdStandInHostingTest {

  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);

  /** Answers with what it sees of its context, as a mounted plugin servlet would. */
  private static final class EchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      Clock clock = (Clock) getServletContext().getAttribute(CrowdStandIn.CLOCK_ATTRIBUTE);
      response.setContentType("text/plain");
      response
          .getWriter()
          .print(
              request.getContextPath()
                  + request.getServletPath()
                  + "|"
                  + request.getPathInfo()
                  + "|"
                  + getInitParameter("crowd2fa.config")
                  + "|"
                  + clock.instant()
                  + "|"
                  + request.getAttribute("filtered")
                  + "|"
                  + getServletContext().getAttribute("extra"));
    }
  }

  @Test
  void builderMountsServletAndFilterInCrowdContextWithClockAndAttributes() throws Exception {
    Filter marker =
        (request, response, chain) -> {
          request.setAttribute("filtered", "yes");
          chain.doFilter(request, response);
        };
    try (CrowdStandIn crowd =
        CrowdStandIn.builder()
            .port(0)
            .clock(FIXED)
            .servlet(
                "crowd2fa",
                new EchoServlet(),
                Map.of("crowd2fa.config", "/tmp/service.properties"),
                "/plugins/servlet/2fa/*")
            .filter("marker", marker, Map.of(), "/plugins/*")
            .contextAttribute("extra", "value")
            .build()
            .start()) {

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(crowd.baseUrl() + "/plugins/servlet/2fa/login"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(crowd.baseUrl().toString()).startsWith("http://localhost:").endsWith("/crowd");
      assertThat(crowd.restBaseUrl().toString()).endsWith("/crowd/rest/usermanagement/1/");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .isEqualTo(
              "/crowd/plugins/servlet/2fa|/login|/tmp/service.properties|2026-01-05T09:00:00Z|yes|value");
    }
  }

  @Test
  void restApiIsNotReachableWithoutApplicationCredentialsEvenWithMountedServlets()
      throws Exception {
    try (CrowdStandIn crowd =
        CrowdStandIn.builder()
            .port(0)
            .servlet("crowd2fa", new EchoServlet(), Map.of(), "/plugins/servlet/2fa/*")
            .build()
            .start()) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(crowd.restBaseUrl() + "user?username=alice"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(401);
    }
  }
}
