package io.crowd2fa.plugin.status;

import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdException;
import io.crowd2fa.plugin.persistence.Database;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reachability of the database and of Crowd, for {@code /status}. Reports no configuration. */
public final class StatusCheck {

  private static final Logger LOG = LoggerFactory.getLogger(StatusCheck.class);

  private final Database database;
  private final CrowdClient crowd;

  public StatusCheck(Database database, CrowdClient crowd) {
    this.database = database;
    this.crowd = crowd;
  }

  /** What {@code /status} shows. */
  public record Report(boolean databaseUp, boolean crowdUp) {

    public boolean healthy() {
      return databaseUp && crowdUp;
    }

    public String toJson() {
      return "{\"status\":\""
          + up(healthy())
          + "\",\"database\":\""
          + up(databaseUp)
          + "\",\"crowd\":\""
          + up(crowdUp)
          + "\"}";
    }

    private static String up(boolean up) {
      return up ? "UP" : "DOWN";
    }
  }

  public Report check() {
    return new Report(databaseUp(), crowdUp());
  }

  private boolean databaseUp() {
    try (Connection connection = database.dataSource().getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      // Being down is what this check reports; the cause goes to the log for the operator.
      LOG.warn("status: database unreachable: {}", e.getMessage());
      return false;
    }
  }

  private boolean crowdUp() {
    try {
      crowd.getCookieConfiguration();
      return true;
    } catch (CrowdException e) {
      LOG.warn("status: Crowd unreachable: {}", e.getMessage());
      return false;
    }
  }
}
