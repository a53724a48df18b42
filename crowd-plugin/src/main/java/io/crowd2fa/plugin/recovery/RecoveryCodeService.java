package io.crowd2fa.plugin.recovery;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Issues and consumes single-use recovery codes. */
public final class RecoveryCodeService {

  public static final int CODES_PER_SET = 10;

  private final RecoveryCodeRepository repository;
  private final RecoveryCodeHasher hasher;
  private final SecureRandom random;
  private final byte[] decoySalt;

  public RecoveryCodeService(RecoveryCodeRepository repository, SecureRandom random) {
    this.repository = repository;
    this.hasher = new RecoveryCodeHasher();
    this.random = random;
    this.decoySalt = new byte[RecoveryCodeHasher.SALT_BYTES];
    random.nextBytes(decoySalt);
  }

  /** A new set of {@value #CODES_PER_SET}; the previous set stops working in the same commit. */
  public RecoveryCodes regenerate(String username, Instant now) {
    Set<String> ids = new HashSet<>();
    List<String> display = new ArrayList<>(CODES_PER_SET);
    List<StoredRecoveryCode> stored = new ArrayList<>(CODES_PER_SET);
    while (stored.size() < CODES_PER_SET) {
      String id = RecoveryCodeFormat.random(random, RecoveryCodeFormat.ID_LENGTH);
      if (!ids.add(id)) {
        continue; // identifiers must be unique within the user's set to find the one hash
      }
      String secret = RecoveryCodeFormat.random(random, RecoveryCodeFormat.SECRET_LENGTH);
      byte[] salt = new byte[RecoveryCodeHasher.SALT_BYTES];
      random.nextBytes(salt);
      stored.add(
          new StoredRecoveryCode(
              new UUID(random.nextLong(), random.nextLong()),
              username,
              id,
              Base64.getEncoder().encodeToString(salt),
              hasher.hash(salt, secret),
              now,
              null));
      display.add(new RecoveryCodeFormat.Parts(id, secret).display());
    }
    repository.replaceSet(username, stored, now);
    return new RecoveryCodes(display, now);
  }

  /**
   * One lookup by identifier, one hash comparison, then an atomic consume. Must run inside the
   * caller's transaction together with the attempt count.
   */
  public RecoveryCodeCheck verify(String username, String rawCode, Instant now) {
    RecoveryCodeFormat.Parsed parsed = RecoveryCodeFormat.parse(rawCode);
    if (parsed instanceof RecoveryCodeFormat.Malformed malformed) {
      return new RecoveryCodeCheck.Malformed(malformed.reason());
    }
    RecoveryCodeFormat.Parts parts = ((RecoveryCodeFormat.Valid) parsed).parts();
    Optional<StoredRecoveryCode> candidate = repository.findUnused(username, parts.id());
    if (candidate.isEmpty()) {
      // Same work as a real check, so timing does not reveal which identifiers exist.
      hasher.matches(decoySalt, parts.secret(), "");
      return new RecoveryCodeCheck.NoMatch("no unused recovery code with identifier " + parts.id());
    }
    StoredRecoveryCode code = candidate.get();
    if (!hasher.matches(Base64.getDecoder().decode(code.salt()), parts.secret(), code.hash())) {
      return new RecoveryCodeCheck.NoMatch("wrong secret for recovery code " + parts.id());
    }
    if (!repository.consume(code.id(), now)) {
      return new RecoveryCodeCheck.NoMatch("recovery code " + parts.id() + " already used");
    }
    return new RecoveryCodeCheck.Consumed(parts.id(), repository.countUnused(username));
  }

  public int remaining(String username) {
    return repository.countUnused(username);
  }

  public int invalidateAll(String username) {
    return repository.deleteAll(username);
  }
}
