package io.crowd2fa.plugin.login.persistence;

import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.plugin.login.LoginPurpose;
import io.crowd2fa.plugin.login.LoginStage;
import io.crowd2fa.plugin.login.LoginTransaction;
import io.crowd2fa.plugin.login.LoginTransactionStore;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.policy.FactorType;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link LoginTransactionStore} in table {@code c2fa_login_transaction} (Flyway V21). Every
 * transition is a conditional update on the expected stage and version, so two requests (or two
 * nodes) racing on one transaction cannot both move it.
 */
public final class JdbcLoginTransactionStore implements LoginTransactionStore {

  private static final String COLUMNS =
      "handle_hash, username, client_address, purpose, stage, proven, allowed_factors, destination,"
          + " token_binding, started_at, expires_at, version";

  private final Database database;

  public JdbcLoginTransactionStore(Database database) {
    this.database = database;
  }

  @Override
  public void insert(LoginTransaction tx) {
    database.inTransaction(
        session ->
            session.doWork(
                connection -> {
                  try (PreparedStatement insert =
                      connection.prepareStatement(
                          "INSERT INTO c2fa_login_transaction ("
                              + COLUMNS
                              + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, tx.handleHash());
                    insert.setString(2, tx.username());
                    insert.setString(3, tx.clientAddress());
                    insert.setString(4, tx.purpose().name());
                    insert.setString(5, tx.stage().name());
                    insert.setString(6, encode(tx.proven()));
                    insert.setString(7, encodeFactors(tx.allowedFactors()));
                    insert.setString(8, tx.destination().map(URI::toString).orElse(null));
                    insert.setString(9, tx.tokenBinding().orElse(null));
                    insert.setLong(10, tx.startedAt().toEpochMilli());
                    insert.setLong(11, tx.expiresAt().toEpochMilli());
                    insert.setInt(12, tx.version());
                    insert.executeUpdate();
                  }
                }));
  }

  /** The transaction for {@code handleHash}, whatever its stage or expiry. */
  @Override
  public Optional<LoginTransaction> find(String handleHash) {
    return database.fromConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT " + COLUMNS + " FROM c2fa_login_transaction WHERE handle_hash = ?")) {
            select.setString(1, handleHash);
            try (ResultSet row = select.executeQuery()) {
              return row.next() ? Optional.of(read(row)) : Optional.<LoginTransaction>empty();
            }
          }
        });
  }

  /**
   * Moves {@code current} to {@code next} if nobody moved it since it was read and it has not
   * expired at {@code now}; true when this call won.
   */
  @Override
  public boolean transition(LoginTransaction current, LoginTransaction next, Instant now) {
    if (!current.handleHash().equals(next.handleHash())
        || next.version() != current.version() + 1) {
      throw new IllegalArgumentException("next must be current advanced by one version");
    }
    return database.fromConnection(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE c2fa_login_transaction SET stage = ?, proven = ?, version = ?"
                      + " WHERE handle_hash = ? AND stage = ? AND version = ?"
                      + " AND expires_at > ?")) {
            update.setString(1, next.stage().name());
            update.setString(2, encode(next.proven()));
            update.setInt(3, next.version());
            update.setString(4, current.handleHash());
            update.setString(5, current.stage().name());
            update.setInt(6, current.version());
            update.setLong(7, now.toEpochMilli());
            return update.executeUpdate() == 1;
          }
        });
  }

  /** Deletes transactions that expired before {@code now}; returns how many. */
  @Override
  public int deleteExpired(Instant now) {
    return database.fromConnection(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM c2fa_login_transaction WHERE expires_at <= ?")) {
            delete.setLong(1, now.toEpochMilli());
            return delete.executeUpdate();
          }
        });
  }

  private static LoginTransaction read(ResultSet row) throws SQLException {
    return new LoginTransaction(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        LoginPurpose.valueOf(row.getString(4)),
        LoginStage.valueOf(row.getString(5)),
        decode(row.getString(6)),
        decodeFactors(row.getString(7)),
        Optional.ofNullable(row.getString(8)).map(URI::create),
        Optional.ofNullable(row.getString(9)),
        Instant.ofEpochMilli(row.getLong(10)),
        Instant.ofEpochMilli(row.getLong(11)),
        row.getInt(12));
  }

  private static String encode(Set<AuthMethod> methods) {
    return methods.stream().sorted().map(AuthMethod::claimValue).collect(Collectors.joining(","));
  }

  private static String encodeFactors(Set<FactorType> factors) {
    return factors.stream().sorted().map(FactorType::jsonName).collect(Collectors.joining(","));
  }

  private static Set<FactorType> decodeFactors(String text) {
    Set<FactorType> factors = EnumSet.noneOf(FactorType.class);
    Arrays.stream(text.split(","))
        .filter(s -> !s.isEmpty())
        .forEach(
            v ->
                factors.add(
                    FactorType.fromJsonName(v)
                        .orElseThrow(() -> new IllegalStateException("unknown factor " + v))));
    return factors;
  }

  private static Set<AuthMethod> decode(String text) {
    Set<AuthMethod> methods = EnumSet.noneOf(AuthMethod.class);
    Arrays.stream(text.split(","))
        .filter(s -> !s.isEmpty())
        .forEach(
            v ->
                methods.add(
                    AuthMethod.fromClaimValue(v)
                        .orElseThrow(() -> new IllegalStateException("unknown amr " + v))));
    return methods;
  }
}
