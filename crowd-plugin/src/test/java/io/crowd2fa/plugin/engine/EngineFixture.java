package io.crowd2fa.plugin.engine;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditQuery;
import io.crowd2fa.plugin.crypto.MasterKeyStore;
import io.crowd2fa.plugin.crypto.MasterKeyring;
import io.crowd2fa.plugin.crypto.SecretBox;
import io.crowd2fa.plugin.lockout.LockoutPolicy;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.persistence.DatabaseSettings;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.persistence.EngineEntities;
import io.crowd2fa.plugin.persistence.JpaEnginePorts;
import io.crowd2fa.plugin.persistence.TestDatabases;
import io.crowd2fa.plugin.totp.TotpCodes;
import io.crowd2fa.plugin.totp.TotpEnrolment;
import io.crowd2fa.plugin.totp.TotpParameters;
import io.crowd2fa.plugin.totp.TotpSettings;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine on a fresh database of one vendor, with a hand-moved clock. {@link #secondNode()} opens
 * a second, independent pool on the same database, as a second cluster node would.
 */
public final class EngineFixture implements AutoCloseable {

  /** Ten seconds into a time step, so ±1 step stays inside the test's control. */
  public static final long START_EPOCH = 56_666_667L * 30 + 10;

  private static final AtomicInteger USERS = new AtomicInteger();

  public final DatabaseSettings settings;
  public final Database database;
  public final MutableClock clock;
  public final SecureRandom random = new SecureRandom();
  public final SecretBox secretBox;
  public final TwoFactorEngine engine;
  public final RequestContext context = new RequestContext("192.0.2.10", "JUnit/5");
  private final List<Database> extraDatabases = new ArrayList<>();
  private final MasterKeyring keyring;

  private EngineFixture(DatabaseSettings settings, MutableClock clock, MasterKeyring keyring) {
    this.settings = settings;
    this.database = Database.open(settings, EngineEntities.ALL);
    this.clock = clock;
    this.keyring = keyring;
    this.secretBox = new SecretBox(keyring, random);
    this.engine = engineOn(database, LockoutPolicy.DEFAULT);
  }

  public static EngineFixture open(DatabaseVendor vendor) {
    SecureRandom random = new SecureRandom();
    MasterKeyring keyring = new MasterKeyring(List.of(new MasterKeyStore(random).newKey()));
    return new EngineFixture(
        TestDatabases.freshSettings(vendor), MutableClock.at(START_EPOCH), keyring);
  }

  /** Another node: own connection pool and engine, same database, keys and clock. */
  public TwoFactorEngine secondNode() {
    Database other = Database.open(settings, EngineEntities.ALL);
    extraDatabases.add(other);
    return engineOn(other, LockoutPolicy.DEFAULT);
  }

  public TwoFactorEngine engineOn(Database db, LockoutPolicy policy) {
    EngineSettings engineSettings =
        new EngineSettings(
            new TotpSettings(
                "Crowd2FA Test", TotpParameters.RFC_6238_DEFAULT, 1, Duration.ofMinutes(10)),
            policy);
    return new TwoFactorEngine(
        engineSettings, JpaEnginePorts.create(db), secretBox, clock, random, List.of());
  }

  public static String newUsername() {
    return "user" + USERS.incrementAndGet();
  }

  /**
   * Starts and finishes a TOTP enrolment, then moves the clock two steps on: the confirming step is
   * used, and the whole ±1 window of the new "now" is usable.
   */
  public TotpEnrolment enrolTotp(String username) {
    TotpEnrolment enrolment = engine.startTotpEnrolment(username, "phone", context);
    EnrolmentResult result =
        engine.finishTotpEnrolment(
            username, enrolment.credentialId(), codeAt(enrolment, 0), context);
    if (!(result instanceof EnrolmentResult.Enrolled)) {
      throw new IllegalStateException("enrolment failed: " + result);
    }
    clock.advance(Duration.ofSeconds(60));
    return enrolment;
  }

  /** The code of {@code enrolment}'s secret for the current step plus {@code stepOffset}. */
  public String codeAt(TotpEnrolment enrolment, long stepOffset) {
    TotpCodes codes = new TotpCodes(TotpParameters.RFC_6238_DEFAULT);
    long step = clock.instant().getEpochSecond() / 30;
    return codes.generate(enrolment.base32Secret(), step + stepOffset);
  }

  /** A well-formed code that is not the current one, nor any in the ±1 window. */
  public String wrongCode(TotpEnrolment enrolment) {
    List<String> window =
        List.of(codeAt(enrolment, -1), codeAt(enrolment, 0), codeAt(enrolment, 1));
    for (int candidate = 0; ; candidate++) {
      String code = String.format("%06d", candidate);
      if (!window.contains(code)) {
        return code;
      }
    }
  }

  /** The user's events, newest first. */
  public List<AuditEvent> events(String username, AuditEventType... types) {
    return engine
        .auditEvents(
            AuditQuery.forUser(username).withTypes(types).page(0, AuditQuery.MAX_PAGE_SIZE))
        .events();
  }

  public AuditEvent latestEvent(String username, AuditEventType type) {
    List<AuditEvent> events = events(username, type);
    if (events.isEmpty()) {
      throw new AssertionError("no " + type + " event for " + username);
    }
    return events.get(0);
  }

  @Override
  public void close() {
    extraDatabases.forEach(Database::close);
    database.close();
  }
}
