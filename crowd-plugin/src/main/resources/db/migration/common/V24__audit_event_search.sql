-- Help-desk audit search (engine: audit): pages are read newest first by (occurred_at, id) with a
-- keyset condition, so this index serves every page, including the last, without a sort. It
-- replaces the index on occurred_at alone, which it covers.
CREATE INDEX audit_event_time_id ON audit_event (occurred_at, id);
DROP INDEX audit_event_time;

-- Searching by client address ("what else came from this address?").
CREATE INDEX audit_event_client_time ON audit_event (client_address, occurred_at);
