package io.crowd2fa.plugin.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The service's database: a connection pool, Flyway migrations run before Hibernate, and a
 * Hibernate {@link SessionFactory} that only validates the schema.
 *
 * <p>Repository adapters run their work through {@link #fromTransaction} / {@link #inTransaction}.
 * A call made while this thread already runs a transaction of this database joins it, so the engine
 * can make several repository calls atomic (for example: count an attempt, consume a TOTP step,
 * write the audit event) without seeing any Hibernate type.
 */
public final class Database implements AutoCloseable {

  static final int MAX_ATTEMPTS = 5;

  private final DatabaseSettings settings;
  private final HikariDataSource dataSource;
  private final SessionFactory sessionFactory;
  private final ThreadLocal<Session> currentSession = new ThreadLocal<>();

  private Database(
      DatabaseSettings settings, HikariDataSource dataSource, SessionFactory sessionFactory) {
    this.settings = settings;
    this.dataSource = dataSource;
    this.sessionFactory = sessionFactory;
  }

  /**
   * Opens the pool, migrates the schema and validates the given entity classes against it.
   *
   * @param entityClasses every {@code @Entity} of every feature (see {@code *Entities.ALL})
   */
  public static Database open(DatabaseSettings settings, Collection<Class<?>> entityClasses) {
    HikariDataSource dataSource = pool(settings);
    try {
      migrate(settings, dataSource);
      return new Database(settings, dataSource, sessionFactory(dataSource, entityClasses));
    } catch (RuntimeException e) {
      dataSource.close();
      throw new DatabaseFault("cannot open database " + settings.vendor(), e);
    }
  }

  private static HikariDataSource pool(DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setDriverClassName(settings.vendor().driverClassName());
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.username());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setPoolName("crowd2fa-" + settings.vendor().name().toLowerCase(java.util.Locale.ROOT));
    config.setAutoCommit(false);
    // Fail closed (DESIGN D5) rather than queue logins for ever behind a dead database, but let a
    // burst of attempts on one user (serialised on its lockout row) drain.
    config.setConnectionTimeout(30_000);
    return new HikariDataSource(config);
  }

  private static void migrate(DatabaseSettings settings, DataSource dataSource) {
    Flyway.configure(Database.class.getClassLoader())
        .dataSource(dataSource)
        .locations(settings.vendor().migrationLocations().toArray(String[]::new))
        .failOnMissingLocations(false)
        .load()
        .migrate();
  }

  private static SessionFactory sessionFactory(
      DataSource dataSource, Collection<Class<?>> entityClasses) {
    return new HibernatePersistenceConfiguration("crowd2fa")
        .managedClasses(List.copyOf(entityClasses))
        .property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
        .property(SchemaToolingSettings.HBM2DDL_AUTO, "validate")
        .property(JdbcSettings.JDBC_TIME_ZONE, "UTC")
        .property(JdbcSettings.SHOW_SQL, false)
        .createEntityManagerFactory();
  }

  /**
   * Runs {@code work} in a transaction (or joins this thread's) and returns its result. An
   * outermost transaction that loses a write-write race the database reports as retryable
   * (PostgreSQL serialization failure or deadlock, H2 concurrent update) is run again, at most
   * {@value #MAX_ATTEMPTS} times in all; {@code work} must therefore not have effects outside the
   * database.
   */
  public <T> T fromTransaction(Function<Session, T> work) {
    Session joined = currentSession.get();
    if (joined != null) {
      return work.apply(joined);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return runOutermost(work);
      } catch (DatabaseFault fault) {
        if (attempt >= MAX_ATTEMPTS || !TransientFailures.isRetryable(fault)) {
          throw fault;
        }
      }
    }
  }

  private <T> T runOutermost(Function<Session, T> work) {
    try (Session session = sessionFactory.openSession()) {
      currentSession.set(session);
      Transaction transaction = session.beginTransaction();
      try {
        T result = work.apply(session);
        transaction.commit();
        return result;
      } catch (RuntimeException | Error e) {
        rollbackQuietlyInto(transaction, e);
        throw translate(e);
      }
    } catch (jakarta.persistence.PersistenceException e) {
      // Opening or closing the session failed (pool exhausted, connection lost).
      throw new DatabaseFault("database operation failed", e);
    } finally {
      currentSession.remove();
    }
  }

  /**
   * Plain JDBC inside a transaction (or joined to this thread's), for adapters that keep their SQL
   * by hand: they then depend on {@code java.sql} only, not on Hibernate (ArchitectureTest). An
   * {@link java.sql.SQLException} becomes a {@link DatabaseFault}.
   */
  public <T> T fromConnection(ConnectionWork<T> work) {
    return fromTransaction(session -> session.doReturningWork(work::apply));
  }

  /** Runs {@code work} in a transaction (or joins this thread's). */
  public void inTransaction(Consumer<Session> work) {
    fromTransaction(
        session -> {
          work.accept(session);
          return null;
        });
  }

  /** True while this thread runs inside a transaction of this database. */
  public boolean inActiveTransaction() {
    return currentSession.get() != null;
  }

  private static void rollbackQuietlyInto(Transaction transaction, Throwable failure) {
    try {
      if (transaction.isActive()) {
        transaction.rollback();
      }
    } catch (RuntimeException rollbackFailure) {
      // The original failure is the one that matters; keep the rollback's as evidence.
      failure.addSuppressed(rollbackFailure);
    }
  }

  private static RuntimeException translate(Throwable e) {
    if (e instanceof Error error) {
      throw error;
    }
    if (e instanceof jakarta.persistence.PersistenceException) {
      return new DatabaseFault("database operation failed", e);
    }
    return (RuntimeException) e;
  }

  public DatabaseVendor vendor() {
    return settings.vendor();
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** The pool, for plain-JDBC tooling (exports, the dump test). Do not bypass repositories. */
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    try {
      sessionFactory.close();
    } finally {
      dataSource.close();
    }
  }
}
