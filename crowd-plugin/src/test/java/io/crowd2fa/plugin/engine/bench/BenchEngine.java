package io.crowd2fa.plugin.engine.bench;

import io.crowd2fa.plugin.crypto.MasterKeyStore;
import io.crowd2fa.plugin.crypto.MasterKeyring;
import io.crowd2fa.plugin.crypto.SecretBox;
import io.crowd2fa.plugin.engine.EngineSettings;
import io.crowd2fa.plugin.engine.RequestContext;
import io.crowd2fa.plugin.engine.TwoFactorEngine;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.persistence.DatabaseSettings;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.persistence.EngineEntities;
import io.crowd2fa.plugin.persistence.JpaEnginePorts;
import io.crowd2fa.plugin.persistence.TestDatabases;
import java.security.SecureRandom;
import java.util.List;

/** An engine on a fresh H2 file or embedded PostgreSQL database, as production wires it. */
final class BenchEngine implements AutoCloseable {

  static final RequestContext CONTEXT = new RequestContext("127.0.0.1", "JMH");

  final ThreadTimeClock clock = new ThreadTimeClock();
  final Database database;
  final TwoFactorEngine engine;

  BenchEngine(DatabaseVendor vendor, int poolSize) {
    SecureRandom random = new SecureRandom();
    DatabaseSettings settings = TestDatabases.freshSettings(vendor).withMaxPoolSize(poolSize);
    database = Database.open(settings, EngineEntities.ALL);
    MasterKeyring keyring = new MasterKeyring(List.of(new MasterKeyStore(random).newKey()));
    engine =
        new TwoFactorEngine(
            EngineSettings.defaults("Bench"),
            JpaEnginePorts.create(database),
            new SecretBox(keyring, random),
            clock,
            random,
            List.of());
  }

  @Override
  public void close() {
    database.close();
  }
}
