-- The server's signed checkpoints of each session's log: one per size the log has had, signed after
-- the append that made that size and in its transaction. Append-only like the log itself.

CREATE TABLE checkpoints (
  session_id uuid NOT NULL REFERENCES sessions (id),
  tree_size integer NOT NULL CHECK (tree_size >= 0),
  root_hash char(64) NOT NULL,
  -- Kept as signed (an ISO 8601 string), not re-formatted by a timestamp type.
  issued_utc text NOT NULL,
  signature json NOT NULL,
  PRIMARY KEY (session_id, tree_size)
);

CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON checkpoints
  FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();

GRANT SELECT, INSERT ON checkpoints TO crew_return_app;
