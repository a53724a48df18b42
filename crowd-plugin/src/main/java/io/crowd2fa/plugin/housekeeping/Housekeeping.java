package io.crowd2fa.plugin.housekeeping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic chores of every node: deleting what has expired and nobody will use again (login
 * transactions, WebAuthn ceremonies, unconfirmed TOTP enrolments) and re-reading the policy file.
 * Each chore is idempotent, so nodes racing on the same rows act on each row once. A failing chore
 * is logged and retried on the next run; it never stops the others, and nothing a user does waits
 * for it.
 */
public final class Housekeeping implements AutoCloseable {

  /** How often every node sweeps; short enough that abandoned rows stay few. */
  public static final Duration INTERVAL = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  /** One chore, and how many rows it deleted or versions it saved. */
  public record Sweep(String name, IntSupplier chore) {
    public Sweep {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(chore, "chore");
    }
  }

  /** What each chore of one run reported, and which chores failed. */
  public record Run(Map<String, Integer> counts, List<String> failed) {
    public Run {
      counts = Map.copyOf(counts);
      failed = List.copyOf(failed);
    }
  }

  private final List<Sweep> sweeps;
  private final ScheduledExecutorService scheduler;

  public Housekeeping(List<Sweep> sweeps) {
    this.sweeps = List.copyOf(sweeps);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "crowd2fa-housekeeping");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Sweeps every {@link #INTERVAL} from now on, until {@link #close()}. */
  public void start() {
    scheduler.scheduleWithFixedDelay(
        this::runOnce, INTERVAL.toSeconds(), INTERVAL.toSeconds(), TimeUnit.SECONDS);
  }

  public Run runOnce() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    for (Sweep sweep : sweeps) {
      try {
        counts.put(sweep.name(), sweep.chore().getAsInt());
      } catch (RuntimeException e) {
        // The scheduler would cancel the whole task on an exception; log it, try again next run.
        LOG.error("housekeeping chore '{}' failed; retrying in {}", sweep.name(), INTERVAL, e);
        failed.add(sweep.name());
      }
    }
    Run run = new Run(counts, failed);
    if (counts.values().stream().anyMatch(n -> n > 0)) {
      LOG.info("housekeeping: {}", counts);
    }
    return run;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
