package io.crowd2fa.plugin.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the service keeps its security state.
 *
 * @param jdbcUrl {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
 * @param username database user
 * @param password database password (never logged)
 * @param maxPoolSize connections in this node's pool
 */
public record DatabaseSettings(String jdbcUrl, String username, String password, int maxPoolSize) {

  public static final int DEFAULT_POOL_SIZE = 10;

  public DatabaseSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    DatabaseVendor.fromJdbcUrl(jdbcUrl);
    if (maxPoolSize < 1 || maxPoolSize > 200) {
      throw new IllegalArgumentException("maxPoolSize must be 1..200, was " + maxPoolSize);
    }
  }

  /**
   * The single-node default: an H2 file {@code crowd2fa.mv.db} under {@code homeDirectory}, in
   * PostgreSQL mode so the same migrations run on both vendors. The lock timeout is long enough for
   * a burst of parallel attempts to queue on one user's lockout row.
   */
  public static DatabaseSettings h2File(Path homeDirectory) {
    Path file = homeDirectory.toAbsolutePath().resolve("crowd2fa");
    return new DatabaseSettings(
        "jdbc:h2:file:"
            + file
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=30000",
        "sa",
        "",
        DEFAULT_POOL_SIZE);
  }

  public static DatabaseSettings postgresql(String jdbcUrl, String username, String password) {
    return new DatabaseSettings(jdbcUrl, username, password, DEFAULT_POOL_SIZE);
  }

  public DatabaseSettings withMaxPoolSize(int poolSize) {
    return new DatabaseSettings(jdbcUrl, username, password, poolSize);
  }

  public DatabaseVendor vendor() {
    return DatabaseVendor.fromJdbcUrl(jdbcUrl);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[jdbcUrl="
        + jdbcUrl
        + ", username="
        + username
        + ", pool="
        + maxPoolSize
        + "]";
  }
}
