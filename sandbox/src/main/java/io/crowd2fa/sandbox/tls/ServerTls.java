package io.crowd2fa.sandbox.tls;

import java.nio.file.Path;
import java.util.Objects;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/** A server key and certificate chain in a PKCS#12 file, served by a Tomcat connector. */
public record ServerTls(Path keyStore, String password) {

  public ServerTls {
    Objects.requireNonNull(keyStore, "keyStore");
    Objects.requireNonNull(password, "password");
  }

  /** Turns {@code connector} into an HTTPS connector presenting this certificate. */
  public void configure(Connector connector) {
    connector.setScheme("https");
    connector.setSecure(true);
    connector.setProperty("SSLEnabled", "true");
    SSLHostConfig host = new SSLHostConfig();
    SSLHostConfigCertificate certificate =
        new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
    certificate.setCertificateKeystoreFile(keyStore.toAbsolutePath().toString());
    certificate.setCertificateKeystorePassword(password);
    certificate.setCertificateKeystoreType("PKCS12");
    host.addCertificate(certificate);
    connector.addSslHostConfig(host);
  }
}
