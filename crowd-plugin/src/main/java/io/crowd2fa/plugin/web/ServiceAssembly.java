package io.crowd2fa.plugin.web;

import io.crowd2fa.crowd.CookieConfiguration;
import io.crowd2fa.crowd.CookieDomain;
import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdProperties;
import io.crowd2fa.plugin.assertion.AssertionIssuer;
import io.crowd2fa.plugin.assertion.AssertionReader;
import io.crowd2fa.plugin.config.ConfigurationException;
import io.crowd2fa.plugin.config.Product;
import io.crowd2fa.plugin.config.ServiceConfig;
import io.crowd2fa.plugin.config.ServiceConfigLoader;
import io.crowd2fa.plugin.crypto.MasterKeyStore;
import io.crowd2fa.plugin.crypto.SecretBox;
import io.crowd2fa.plugin.engine.EnginePorts;
import io.crowd2fa.plugin.engine.EngineSettings;
import io.crowd2fa.plugin.engine.TwoFactorEngine;
import io.crowd2fa.plugin.housekeeping.Housekeeping;
import io.crowd2fa.plugin.keys.SigningKeys;
import io.crowd2fa.plugin.keys.persistence.JdbcSigningKeyRepository;
import io.crowd2fa.plugin.login.AccountAccess;
import io.crowd2fa.plugin.login.Completion;
import io.crowd2fa.plugin.login.EngineSecondFactors;
import io.crowd2fa.plugin.login.HelpDesk;
import io.crowd2fa.plugin.login.LoginAudit;
import io.crowd2fa.plugin.login.LoginFlow;
import io.crowd2fa.plugin.login.LoginHandles;
import io.crowd2fa.plugin.login.LoginTransactionStore;
import io.crowd2fa.plugin.login.PasswordThrottle;
import io.crowd2fa.plugin.login.PolicyGate;
import io.crowd2fa.plugin.login.SecondFactors;
import io.crowd2fa.plugin.login.SsoIssuer;
import io.crowd2fa.plugin.login.StepUpFlow;
import io.crowd2fa.plugin.login.persistence.JdbcGraceLedger;
import io.crowd2fa.plugin.login.persistence.JdbcLoginTransactionStore;
import io.crowd2fa.plugin.login.persistence.JdbcPasswordThrottle;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.persistence.EngineEntities;
import io.crowd2fa.plugin.persistence.JpaEnginePorts;
import io.crowd2fa.plugin.policy.PolicyFile;
import io.crowd2fa.plugin.policy.PolicyImportFault;
import io.crowd2fa.plugin.policy.PolicyService;
import io.crowd2fa.plugin.policy.persistence.JpaPolicyRepository;
import io.crowd2fa.plugin.policy.persistence.PolicyEntities;
import io.crowd2fa.plugin.status.StatusCheck;
import io.crowd2fa.plugin.webauthn.WebAuthnFactorProvider;
import io.crowd2fa.plugin.webauthn.WebAuthnService;
import io.crowd2fa.plugin.webauthn.WebAuthnSettings;
import io.crowd2fa.plugin.webauthn.WebAuthnStores;
import io.crowd2fa.plugin.webauthn.persistence.JpaWebAuthnStore;
import io.crowd2fa.plugin.webauthn.persistence.WebAuthnEntities;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the 2FA service: builds every part from the configuration. One per
 * servlet instance; {@link #close()} releases the database.
 */
public final class ServiceAssembly implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceAssembly.class);

  private final ServiceConfig config;
  private final Clock clock;
  private final SecureRandom random;
  private final Database database;
  private final CrowdClient crowd;
  private final SigningKeys signingKeys;
  private final LoginFlow loginFlow;
  private final StepUpFlow stepUpFlow;
  private final AccountAccess accountAccess;
  private final HelpDesk helpDesk;
  private final SecondFactors factors;
  private final PolicyGate policy;
  private final LoginAudit audit;
  private final DestinationPolicy destinations;
  private final StatusCheck status;
  private final Housekeeping housekeeping;
  private final AtomicReference<CookieConfiguration> crowdCookie = new AtomicReference<>();

  private ServiceAssembly(ServiceConfig config, Clock clock, Map<String, String> environment) {
    this.config = config;
    this.clock = clock;
    this.random = new SecureRandom();
    SecretBox secretBox =
        new SecretBox(new MasterKeyStore(random).load(environment, config.keyFile()), random);
    this.crowd = CrowdClient.create(CrowdProperties.load(config.crowdProperties()));
    this.database =
        Database.open(
            config.database(), EngineEntities.with(WebAuthnEntities.ALL, PolicyEntities.ALL));
    try {
      EnginePorts ports = JpaEnginePorts.create(database);
      WebAuthnStores webAuthnStores = new JpaWebAuthnStore(database).stores();
      TwoFactorEngine engine =
          new TwoFactorEngine(
              EngineSettings.defaults(config.totpIssuer()),
              ports,
              secretBox,
              clock,
              random,
              List.of(new WebAuthnFactorProvider(webAuthnStores.credentials())));
      WebAuthnSettings webAuthnSettings =
          WebAuthnSettings.secondFactor(
              config.webAuthnRelyingPartyId(),
              config.totpIssuer(),
              config.webAuthnOrigins().stream()
                  .map(o -> o.getScheme() + "://" + o.getRawAuthority())
                  .collect(Collectors.toSet()));
      WebAuthnService webAuthn =
          new WebAuthnService(
              config
                  .webAuthnAttestationTrustRoots()
                  .map(webAuthnSettings::requiringAttestationFrom)
                  .orElse(webAuthnSettings)
                  .allowingOnlyModels(config.webAuthnAllowedAaguids()),
              webAuthnStores,
              ports.auditLog(),
              ports.transactions(),
              engine::verifyWithLockout,
              clock,
              random);
      this.factors = new EngineSecondFactors(engine, webAuthn);
      this.audit = new LoginAudit(ports.auditLog(), clock);
      PolicyService policyService =
          new PolicyService(
              new JpaPolicyRepository(database), ports.auditLog(), ports.transactions(), clock);
      PolicyFile policyFile = new PolicyFile(policyService, config.policyFile());
      try {
        policyFile.applyAtStart();
      } catch (PolicyImportFault e) {
        throw new ConfigurationException(ServiceConfigLoader.POLICY_FILE + ": " + e.getMessage());
      }
      this.signingKeys =
          new SigningKeys(
              new JdbcSigningKeyRepository(database),
              ports.auditLog(),
              ports.transactions(),
              secretBox,
              clock,
              random,
              config.assertionLifetime(),
              config.keyRotationInterval());
      signingKeys.ensureCurrentKey();
      String issuer = config.serviceBaseUrl().toString();
      LoginTransactionStore transactions = new JdbcLoginTransactionStore(database);
      LoginHandles handles = new LoginHandles(random);
      SsoIssuer ssoIssuer =
          new SsoIssuer(
              crowd, new AssertionIssuer(signingKeys), clock, config.assertionLifetime(), issuer);
      Completion completion = new Completion(transactions, ssoIssuer, crowd, audit, clock);
      this.policy = new PolicyGate(policyService, new JdbcGraceLedger(database));
      this.destinations = new DestinationPolicy(returnDestinations(config));
      this.loginFlow =
          new LoginFlow(
              crowd,
              new JdbcPasswordThrottle(database, clock, PasswordThrottle.Limits.DEFAULT),
              transactions,
              handles,
              policy,
              factors,
              completion,
              audit,
              clock,
              config.loginLifetime(),
              this::applicationFor);
      AssertionReader assertionReader = new AssertionReader(signingKeys, clock, issuer);
      this.accountAccess = new AccountAccess(crowd, assertionReader, audit, clock);
      this.helpDesk = new HelpDesk(engine, crowd, audit, config.adminGroup());
      this.stepUpFlow =
          new StepUpFlow(
              crowd,
              assertionReader,
              factors,
              transactions,
              handles,
              audit,
              clock,
              config.loginLifetime());
      this.status = new StatusCheck(database, crowd);
      this.housekeeping =
          new Housekeeping(
              List.of(
                  new Housekeeping.Sweep(
                      "expired login transactions",
                      () -> transactions.deleteExpired(clock.instant())),
                  new Housekeeping.Sweep(
                      "expired WebAuthn ceremonies", webAuthn::removeExpiredChallenges),
                  new Housekeeping.Sweep("expired TOTP enrolments", engine::purgeExpiredEnrolments),
                  new Housekeeping.Sweep("policy file versions", policyFile::applyIfChanged)));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * The products, and the service's own signed-in pages: those send a user whose second factor is
   * too old through {@code /verify} and expect them back.
   */
  private static List<URI> returnDestinations(ServiceConfig config) {
    String service = config.serviceBaseUrl().toString().replaceAll("/+$", "");
    List<URI> destinations = new ArrayList<>(config.allowedDestinations());
    destinations.add(URI.create(service + AccountPages.PATH));
    destinations.add(URI.create(service + AdminPages.PATH));
    return destinations;
  }

  /** Builds the service; configuration faults name the key that is wrong. */
  public static ServiceAssembly start(
      ServiceConfig config, Clock clock, Map<String, String> environment) {
    ServiceAssembly service = new ServiceAssembly(config, clock, environment);
    service.housekeeping.start();
    return service;
  }

  private String applicationFor(Optional<URI> destination) {
    return destination
        .flatMap(
            d ->
                config.products().stream()
                    .filter(
                        p ->
                            new DestinationPolicy(List.of(p.baseUrl()))
                                .allowed(d.toString())
                                .isPresent())
                    .map(Product::application)
                    .findFirst())
        .orElse(crowd.config().applicationName());
  }

  /** Crowd's SSO cookie settings, asked once and then kept (they change only with a restart). */
  public CookieConfiguration crowdCookie() {
    CookieConfiguration known = crowdCookie.get();
    if (known == null) {
      known = crowd.getCookieConfiguration();
      if (crowdCookie.compareAndSet(null, known) && config.cookieDomain().isEmpty()) {
        warnIfNotCovering(known, config);
      }
    }
    return known;
  }

  /**
   * Crowd's domain, when the service takes it from there, is checked the first time it is read
   * (Crowd may not answer while the service starts, so this cannot stop the start as a configured
   * {@code crowd2fa.cookie.domain} does). A domain that misses a product is logged once as an error
   * naming the hosts: sign-ins still complete, and the products it misses send their users back to
   * the login, so the log line is where an admin finds why.
   */
  private static void warnIfNotCovering(CookieConfiguration crowdCookie, ServiceConfig config) {
    List<String> problems =
        CookieDomain.problems(
            crowdCookie.domain(),
            config.serviceBaseUrl(),
            config.products().stream().map(Product::baseUrl).toList());
    if (!problems.isEmpty()) {
      LOG.error(
          "Crowd's SSO cookie configuration (GET /config/cookie): {} (set {} or Crowd's SSO cookie"
              + " domain)",
          String.join("; ", problems),
          ServiceConfigLoader.COOKIE_DOMAIN);
    }
  }

  public ServiceConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public SecureRandom random() {
    return random;
  }

  public CrowdClient crowd() {
    return crowd;
  }

  public SigningKeys signingKeys() {
    return signingKeys;
  }

  public LoginFlow loginFlow() {
    return loginFlow;
  }

  public AccountAccess accountAccess() {
    return accountAccess;
  }

  public HelpDesk helpDesk() {
    return helpDesk;
  }

  public StepUpFlow stepUpFlow() {
    return stepUpFlow;
  }

  public SecondFactors factors() {
    return factors;
  }

  public PolicyGate policy() {
    return policy;
  }

  public LoginAudit audit() {
    return audit;
  }

  public DestinationPolicy destinations() {
    return destinations;
  }

  public StatusCheck status() {
    return status;
  }

  public Database database() {
    return database;
  }

  /** The sweeps of expired rows; they also run on their own every {@link Housekeeping#INTERVAL}. */
  public Housekeeping housekeeping() {
    return housekeeping;
  }

  @Override
  public void close() {
    housekeeping.close();
    database.close();
  }
}
