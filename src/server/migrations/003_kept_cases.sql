-- Cases a team keeps on its server: each version kept is a row of its own, never changed (the server
-- cannot rewrite a case unseen: every version is signed by the registered key that kept it).

CREATE TABLE kept_cases (
  -- The scenario's own id (a lower-case id of letters, digits and dashes) and which keeping of it this is.
  case_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  title text NOT NULL,
  kind text NOT NULL,
  -- The scenario as canonical JSON text: the bytes its keeper's signature covers.
  scenario text NOT NULL,
  kept_by text NOT NULL REFERENCES keys (fingerprint),
  signature json NOT NULL,
  -- When the server took it (an ISO 8601 string), as it answers it.
  kept_utc text NOT NULL,
  PRIMARY KEY (case_id, version)
);

CREATE TRIGGER kept_cases_append_only BEFORE UPDATE OR DELETE ON kept_cases
  FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER kept_cases_no_truncate BEFORE TRUNCATE ON kept_cases
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();

GRANT SELECT, INSERT ON kept_cases TO crew_return_app;
