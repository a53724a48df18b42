package io.crowd2fa.plugin.persistence;

import java.util.List;
import java.util.Locale;

/** The two databases the service supports: H2 (single node, default) and PostgreSQL (cluster). */
public enum DatabaseVendor {
  H2("jdbc:h2:", "h2", "org.h2.Driver"),
  POSTGRESQL("jdbc:postgresql:", "postgresql", "org.postgresql.Driver");

  private final String urlPrefix;
  private final String migrationFolder;
  private final String driverClassName;

  DatabaseVendor(String urlPrefix, String migrationFolder, String driverClassName) {
    this.urlPrefix = urlPrefix;
    this.migrationFolder = migrationFolder;
    this.driverClassName = driverClassName;
  }

  /**
   * Named explicitly so the pool loads the driver from the plugin's own class loader: through
   * {@code DriverManager} a host that registered its drivers first (as Crowd does), or a second
   * copy of the plugin in one JVM, gets "No suitable driver".
   */
  public String driverClassName() {
    return driverClassName;
  }

  public static DatabaseVendor fromJdbcUrl(String jdbcUrl) {
    String lower = jdbcUrl.toLowerCase(Locale.ROOT);
    for (DatabaseVendor vendor : values()) {
      if (lower.startsWith(vendor.urlPrefix)) {
        return vendor;
      }
    }
    throw new IllegalArgumentException(
        "unsupported JDBC URL (expected jdbc:h2: or jdbc:postgresql:): "
            + jdbcUrl.substring(0, Math.min(jdbcUrl.length(), 16)));
  }

  /**
   * Flyway locations: scripts whose SQL is the same on both vendors live in {@code common}; the
   * rare vendor-specific script lives in the vendor's folder with a version of its own.
   */
  public List<String> migrationLocations() {
    return List.of("classpath:db/migration/common", "classpath:db/migration/" + migrationFolder);
  }
}
