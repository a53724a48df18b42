-- Second-factor failure counters (engine: lockout). Rows are locked (SELECT ... FOR UPDATE) for
-- the whole of a verification, so parallel attempts of one user are counted one after another.
CREATE TABLE lockout_counter (
    username             VARCHAR(255) NOT NULL,
    counter              VARCHAR(32)  NOT NULL,
    consecutive_failures INTEGER      NOT NULL,
    locked_until         TIMESTAMP(6) WITH TIME ZONE,
    window_started_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    window_failures      INTEGER      NOT NULL,
    CONSTRAINT lockout_counter_pk PRIMARY KEY (username, counter),
    CONSTRAINT lockout_counter_counts CHECK (consecutive_failures >= 0 AND window_failures >= 0)
);
