package io.crowd2fa.plugin.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditLog;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.crypto.SecretBox;
import io.crowd2fa.plugin.engine.EngineFault;
import io.crowd2fa.plugin.engine.RequestContext;
import io.crowd2fa.plugin.engine.TransactionRunner;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The ES256 keys that sign assertions. The first start generates one; once the current key is older
 * than the rotation interval, the next signing or JWKS request replaces it (as {@link #rotate()}
 * does by hand). The previous key stays published in the JWKS until every assertion signed with it
 * has expired. Keys are read from the database on each call so all nodes agree, and the database
 * decides which node's rotation wins.
 *
 * <p>Every new key is audited ({@link SigningKeyEvents}) in the same transaction that stores it, so
 * a rotation that many nodes race for is recorded exactly once, by the node whose key won.
 */
public final class SigningKeys {

  /** Default of {@code crowd2fa.keys.rotation-interval}. */
  public static final Duration DEFAULT_ROTATION_INTERVAL = Duration.ofDays(30);

  private static final String CONTEXT_PREFIX = "signing-key:";

  private final SigningKeyRepository repository;
  private final AuditLog audit;
  private final TransactionRunner transactions;
  private final SecretBox sealer;
  private final Clock clock;
  private final SecureRandom random;
  private final Duration assertionLifetime;
  private final Duration rotationInterval;

  /** Rotating every {@link #DEFAULT_ROTATION_INTERVAL}. */
  public SigningKeys(
      SigningKeyRepository repository,
      AuditLog audit,
      TransactionRunner transactions,
      SecretBox sealer,
      Clock clock,
      SecureRandom random,
      Duration assertionLifetime) {
    this(
        repository,
        audit,
        transactions,
        sealer,
        clock,
        random,
        assertionLifetime,
        DEFAULT_ROTATION_INTERVAL);
  }

  /**
   * @param transactions joined by {@code repository} and {@code audit}, so a key and its audit
   *     event are stored together or not at all
   */
  public SigningKeys(
      SigningKeyRepository repository,
      AuditLog audit,
      TransactionRunner transactions,
      SecretBox sealer,
      Clock clock,
      SecureRandom random,
      Duration assertionLifetime,
      Duration rotationInterval) {
    if (rotationInterval.compareTo(assertionLifetime) <= 0) {
      throw new IllegalArgumentException(
          "rotation interval " + rotationInterval + " must exceed assertion lifetime");
    }
    this.repository = repository;
    this.audit = audit;
    this.transactions = transactions;
    this.sealer = sealer;
    this.clock = clock;
    this.random = random;
    this.assertionLifetime = assertionLifetime;
    this.rotationInterval = rotationInterval;
  }

  /** Generates the first key when there is none; safe to call on every start of every node. */
  public void ensureCurrentKey() {
    transactions.inTransaction(
        () -> {
          if (newestActive().isPresent()) {
            return null;
          }
          StoredSigningKey first = generate();
          repository.insert(first);
          record(
              SigningKeyEvents.CREATED,
              "signing key created: kid " + first.keyId() + " is current (no active key before)");
          return null;
        });
  }

  /** The key to sign with now, rotated first when it has reached the rotation interval. */
  public ECKey current() {
    return unseal(currentRotatedIfDue());
  }

  /**
   * Generates a new current key; the previous one stays published until its assertions expire. If
   * another node rotates at the same moment, its key wins and its {@code kid} is returned.
   */
  public String rotate() {
    return replace(requireNewestActive(), "on request").keyId();
  }

  /** Public keys that may have signed an assertion that is still valid: current and previous. */
  public JWKSet publishedKeys() {
    currentRotatedIfDue();
    Instant cutoff = clock.instant().minus(assertionLifetime);
    List<JWK> keys =
        repository.findAll().stream()
            .filter(k -> k.retiredAt().map(r -> r.isAfter(cutoff)).orElse(true))
            .sorted(Comparator.comparing(StoredSigningKey::createdAt).reversed())
            .map(k -> (JWK) unseal(k).toPublicJWK())
            .toList();
    return new JWKSet(keys);
  }

  private StoredSigningKey currentRotatedIfDue() {
    StoredSigningKey current = requireNewestActive();
    Instant dueAt = current.createdAt().plus(rotationInterval);
    if (clock.instant().isBefore(dueAt)) {
      return current;
    }
    return replace(
        current,
        "by age (created " + current.createdAt() + ", rotation interval " + rotationInterval + ")");
  }

  private StoredSigningKey replace(StoredSigningKey current, String reason) {
    // Generated before the transaction, so the current key's row stays locked only for the writes.
    StoredSigningKey fresh = generate();
    Instant at = fresh.createdAt();
    boolean won =
        transactions.inTransaction(
            () -> {
              if (!repository.replace(current.keyId(), fresh, at)) {
                return false;
              }
              record(
                  SigningKeyEvents.ROTATED,
                  "signing key rotated "
                      + reason
                      + ": kid "
                      + current.keyId()
                      + " -> "
                      + fresh.keyId()
                      + " is current; "
                      + current.keyId()
                      + " stays in the JWKS until "
                      + at.plus(assertionLifetime));
              return true;
            });
    if (won) {
      return fresh;
    }
    // Another node (or thread) retired this key first, and audited that rotation; its new key is
    // the one to use.
    return requireNewestActive();
  }

  private void record(AuditEventType type, String detail) {
    RequestContext system = RequestContext.system();
    audit.append(
        AuditEvent.of(
            clock.instant(),
            null,
            system.clientAddress(),
            system.userAgent(),
            type,
            AuditOutcome.SUCCESS,
            detail));
  }

  private StoredSigningKey requireNewestActive() {
    return newestActive().orElseThrow(() -> new KeyStoreException("no current signing key"));
  }

  private Optional<StoredSigningKey> newestActive() {
    // With concurrent first starts two nodes may each insert a key; the newest wins for signing and
    // both are published, so either node's assertions verify.
    return repository.findAll().stream()
        .filter(k -> k.retiredAt().isEmpty())
        .max(
            Comparator.comparing(StoredSigningKey::createdAt)
                .thenComparing(StoredSigningKey::keyId));
  }

  private StoredSigningKey generate() {
    byte[] id = new byte[16];
    random.nextBytes(id);
    String keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    try {
      ECKey key =
          new ECKeyGenerator(Curve.P_256)
              .keyID(keyId)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .secureRandom(random)
              .generate();
      byte[] json = key.toJSONString().getBytes(StandardCharsets.UTF_8);
      return new StoredSigningKey(
          keyId, sealer.seal(json, CONTEXT_PREFIX + keyId), clock.instant(), Optional.empty());
    } catch (JOSEException e) {
      throw new KeyStoreException("cannot generate a P-256 key", e);
    }
  }

  private ECKey unseal(StoredSigningKey stored) {
    byte[] json = sealer.open(stored.sealedPrivateJwk(), CONTEXT_PREFIX + stored.keyId());
    try {
      ECKey key = ECKey.parse(new String(json, StandardCharsets.UTF_8));
      if (!stored.keyId().equals(key.getKeyID())) {
        throw new KeyStoreException("stored key " + stored.keyId() + " has another kid inside");
      }
      return key;
    } catch (ParseException e) {
      throw new KeyStoreException("stored key " + stored.keyId() + " is not a JWK", e);
    }
  }

  /** The key store is unusable (no key, undecryptable key): a fault, not an expected outcome. */
  public static final class KeyStoreException extends EngineFault {
    private static final long serialVersionUID = 1L;

    public KeyStoreException(String message) {
      super(message);
    }

    public KeyStoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
