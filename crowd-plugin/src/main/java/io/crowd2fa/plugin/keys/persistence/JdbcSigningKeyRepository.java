package io.crowd2fa.plugin.keys.persistence;

import io.crowd2fa.plugin.keys.SigningKeyRepository;
import io.crowd2fa.plugin.keys.StoredSigningKey;
import io.crowd2fa.plugin.persistence.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Signing keys in table {@code c2fa_signing_key} (Flyway V20), through ENGINE-CORE's database. */
public final class JdbcSigningKeyRepository implements SigningKeyRepository {

  private final Database database;

  public JdbcSigningKeyRepository(Database database) {
    this.database = database;
  }

  @Override
  public List<StoredSigningKey> findAll() {
    return database.fromConnection(
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT key_id, sealed_private_jwk, created_at, retired_at"
                          + " FROM c2fa_signing_key");
              ResultSet rows = select.executeQuery()) {
            List<StoredSigningKey> keys = new ArrayList<>();
            while (rows.next()) {
              long retired = rows.getLong(4);
              Optional<Instant> retiredAt =
                  rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(retired));
              keys.add(
                  new StoredSigningKey(
                      rows.getString(1),
                      rows.getString(2),
                      Instant.ofEpochMilli(rows.getLong(3)),
                      retiredAt));
            }
            return keys;
          }
        });
  }

  @Override
  public void insert(StoredSigningKey key) {
    database.inTransaction(
        session ->
            session.doWork(
                connection -> {
                  try (PreparedStatement insert =
                      connection.prepareStatement(
                          "INSERT INTO c2fa_signing_key"
                              + " (key_id, sealed_private_jwk, created_at, retired_at)"
                              + " VALUES (?, ?, ?, NULL)")) {
                    insert.setString(1, key.keyId());
                    insert.setString(2, key.sealedPrivateJwk());
                    insert.setLong(3, key.createdAt().toEpochMilli());
                    insert.executeUpdate();
                  }
                }));
  }

  @Override
  public boolean retire(String keyId, Instant at) {
    return database.fromConnection(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE c2fa_signing_key SET retired_at = ?"
                      + " WHERE key_id = ? AND retired_at IS NULL")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, keyId);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean replace(String currentKeyId, StoredSigningKey fresh, Instant at) {
    return database.fromConnection(
        connection -> {
          // On PostgreSQL the UPDATE takes the row lock; a racing node blocks on it, then
          // re-checks retired_at IS NULL after the winner commits and updates nothing.
          try (PreparedStatement retireCurrent =
                  connection.prepareStatement(
                      "UPDATE c2fa_signing_key SET retired_at = ?"
                          + " WHERE key_id = ? AND retired_at IS NULL");
              PreparedStatement retireOthers =
                  connection.prepareStatement(
                      "UPDATE c2fa_signing_key SET retired_at = ?" + " WHERE retired_at IS NULL");
              PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO c2fa_signing_key"
                          + " (key_id, sealed_private_jwk, created_at, retired_at)"
                          + " VALUES (?, ?, ?, NULL)")) {
            retireCurrent.setLong(1, at.toEpochMilli());
            retireCurrent.setString(2, currentKeyId);
            if (retireCurrent.executeUpdate() != 1) {
              return false;
            }
            retireOthers.setLong(1, at.toEpochMilli());
            retireOthers.executeUpdate();
            insert.setString(1, fresh.keyId());
            insert.setString(2, fresh.sealedPrivateJwk());
            insert.setLong(3, fresh.createdAt().toEpochMilli());
            insert.executeUpdate();
            return true;
          }
        });
  }
}
