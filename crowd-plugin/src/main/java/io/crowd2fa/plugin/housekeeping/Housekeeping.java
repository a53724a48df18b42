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
 * Deletes what has expired and nobody will use again: login transactions, WebAuthn ceremonies and
 * unconfirmed TOTP enrolments. Every node runs it; each sweep is an idempotent delete, so nodes
 * racing on the same rows remove each row once. A failing sweep is logged and retried on the next
 * run; it never stops the others, and nothing a user does waits for it.
 */
public final class Housekeeping implements AutoCloseable {

  /** How often every node sweeps; short enough that abandoned rows stay few. */
  public static final Duration INTERVAL = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  /** One kind of expired row, and the delete that returns how many it removed. */
  public record Sweep(String name, IntSupplier delete) {
    public Sweep {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(delete, "delete");
    }
  }

  /** What one run removed per sweep, and which sweeps failed. */
  public record Run(Map<String, Integer> removed, List<String> failed) {
    public Run {
      removed = Map.copyOf(removed);
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
    Map<String, Integer> removed = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    for (Sweep sweep : sweeps) {
      try {
        removed.put(sweep.name(), sweep.delete().getAsInt());
      } catch (RuntimeException e) {
        // The scheduler would cancel the whole task on an exception; log it, try again next run.
        LOG.error("housekeeping sweep '{}' failed; retrying in {}", sweep.name(), INTERVAL, e);
        failed.add(sweep.name());
      }
    }
    Run run = new Run(removed, failed);
    if (removed.values().stream().anyMatch(n -> n > 0)) {
      LOG.info("housekeeping removed {}", removed);
    }
    return run;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
