package io.crowd2fa.plugin.persistence;

import java.util.List;
import java.util.Locale;

/** The two databases the service supports: H2 (single node, default) and PostgreSQL (cluster). */
public enum DatabaseVendor {
  H2("jdbc:h2:", "h2"),
  POSTGRESQL("jdbc:postgresql:", "postgresql");

  private final String urlPrefix;
  private final String migrationFolder;

  DatabaseVendor(String urlPrefix, String migrationFolder) {
    this.urlPrefix = urlPrefix;
    this.migrationFolder = migrationFolder;
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
