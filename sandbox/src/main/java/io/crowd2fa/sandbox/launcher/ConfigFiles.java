package io.crowd2fa.sandbox.launcher;

/** The text of the configuration files, in the formats Crowd and Seraph products use. */
final class ConfigFiles {

  private ConfigFiles() {}

  /** A standard {@code crowd.properties} (keys of Crowd's {@code ClientPropertiesImpl}). */
  static String crowdProperties(SandboxTopology topology, Product product) {
    String crowd = topology.crowdBaseUrl();
    return """
        # Crowd connection of the %s, written by the Crowd2FA sandbox.
        # DEMO ONLY: the application password is the public one of the sandbox seed.
        application.name=%s
        application.password=%s
        application.login.url=%s
        crowd.base.url=%s/
        crowd.server.url=%s/services/
        session.validationinterval=2
        cookie.tokenkey=crowd.token_key
        http.timeout=5000
        socket.timeout=10000
        """
            .formatted(
                product.title(),
                product.application(),
                product.password(),
                topology.productBaseUrl(product),
                crowd,
                crowd)
        + topology.cookieDomain().map(domain -> "cookie.domain=" + domain + "\n").orElse("");
  }

  /** The 2FA service's configuration file (keys of {@code ServiceConfigLoader}). */
  static String serviceProperties(SandboxTopology topology, SandboxHome home) {
    String jira = topology.productBaseUrl(Product.JIRA);
    String confluence = topology.productBaseUrl(Product.CONFLUENCE);
    return """
        # Configuration of the Crowd2FA service, written by the Crowd2FA sandbox.
        # Inside Crowd this is the file named by the servlet init-param crowd2fa.config; every key
        # can be overridden by an environment variable (crowd2fa.db.url -> CROWD2FA_DB_URL).
        crowd2fa.service.base-url=%s
        crowd2fa.crowd.properties=%s
        crowd2fa.db.url=%s
        crowd2fa.db.user=sa
        crowd2fa.db.password=
        crowd2fa.key-file=%s
        crowd2fa.products=jira=%s,confluence=%s
        crowd2fa.totp.issuer=Crowd2FA Sandbox
        crowd2fa.webauthn.rp-id=%s
        crowd2fa.webauthn.origins=%s
        crowd2fa.policy.file=%s
        crowd2fa.assertion.lifetime=PT12H
        crowd2fa.login.lifetime=PT10M
        """
            .formatted(
                topology.serviceBaseUrl(),
                escape(home.serviceCrowdProperties().toString()),
                escape(home.h2Url()),
                escape(home.keyFile().toString()),
                jira,
                confluence,
                topology.host(Product.SERVICE),
                topology.serviceOrigin(),
                escape(home.policy().toString()))
        // Set here (not only at Crowd) so the service checks at start that it covers every product.
        + topology
            .cookieDomain()
            .map(domain -> "crowd2fa.cookie.domain=" + domain + "\n")
            .orElse("");
  }

  /**
   * A product's {@code seraph-config.xml}: the product's own parameters, with the authenticator
   * line swapped for Crowd2FA's, which is the one change an admin makes.
   */
  static String seraphConfig(SandboxTopology topology, Product product) {
    String service = topology.serviceBaseUrl();
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- seraph-config.xml of the %s, written by the Crowd2FA sandbox. -->
        <security-config>
          <parameters>
            <init-param>
              <param-name>login.url</param-name>
              <param-value>%s/login?os_destination=${originalurl}</param-value>
            </init-param>
            <init-param>
              <param-name>link.login.url</param-name>
              <param-value>%s/login</param-value>
            </init-param>
            <!-- Absolute: Seraph calls Authenticator.logout() and then redirects here. -->
            <init-param>
              <param-name>logout.url</param-name>
              <param-value>%s/logout</param-value>
            </init-param>
            <init-param>
              <param-name>original.url.key</param-name>
              <param-value>os_security_originalurl</param-value>
            </init-param>
            <init-param>
              <param-name>login.cookie.key</param-name>
              <param-value>seraph.%s</param-value>
            </init-param>
            <init-param>
              <param-name>authentication.type</param-name>
              <param-value>os_authType</param-value>
            </init-param>
          </parameters>

          <!-- CROWD2FA:START - the product's own authenticator is replaced by this one. -->
          <authenticator class="%s">
            <init-param>
              <param-name>crowd2fa.service.url</param-name>
              <param-value>%s</param-value>
            </init-param>
            <init-param>
              <param-name>crowd2fa.application</param-name>
              <param-value>%s</param-value>
            </init-param>
            <init-param>
              <param-name>crowd2fa.product.url</param-name>
              <param-value>%s</param-value>
            </init-param>
          </authenticator>
          <!-- CROWD2FA:END -->

          <services>
            <service class="com.atlassian.seraph.service.PathService">
              <init-param>
                <param-name>config.file</param-name>
                <param-value>seraph-paths.xml</param-value>
              </init-param>
            </service>
          </services>
        </security-config>
        """
        .formatted(
            product.title(),
            xml(service),
            xml(service),
            xml(service),
            product.application(),
            product.authenticatorClass(),
            xml(service),
            product.application(),
            xml(topology.productBaseUrl(product)));
  }

  /** Backslashes in properties values (Windows paths) must be doubled. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\");
  }

  private static String xml(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
