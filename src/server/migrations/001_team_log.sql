-- The team log: sessions, operators' public keys, admissions and entries. Written for PostgreSQL 15
-- (PGlite is 18): the same file runs on both.

CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  title text NOT NULL,
  scenario json NOT NULL,
  profile json NOT NULL,
  genesis_hash char(64) NOT NULL,
  -- The decision authority's public key record, and its signature over the session's genesis.
  authority json NOT NULL,
  authority_fingerprint text NOT NULL,
  genesis_signature json NOT NULL,
  -- Kept as the authority signed it (an ISO 8601 string), not re-formatted by a timestamp type.
  opened_utc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Operators' public keys; private keys never reach the server.
CREATE TABLE keys (
  fingerprint text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL,
  public_key text NOT NULL UNIQUE,
  registration_signature json NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE admissions (
  session_id uuid NOT NULL REFERENCES sessions (id),
  fingerprint text NOT NULL REFERENCES keys (fingerprint),
  admitted_by text NOT NULL,
  admitted_utc text NOT NULL,
  signature json NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, fingerprint)
);

CREATE TABLE entries (
  session_id uuid NOT NULL REFERENCES sessions (id),
  seq integer NOT NULL CHECK (seq >= 1),
  -- The AuditEntry as canonical JSON text: the bytes its hash and signatures were made over.
  entry text NOT NULL,
  hash char(64) NOT NULL,
  previous_hash char(64) NOT NULL,
  appended_by text NOT NULL REFERENCES keys (fingerprint),
  signature json NOT NULL,
  checkpoint_seen json,
  appended_utc text NOT NULL,
  PRIMARY KEY (session_id, seq)
);

-- The key the server signs checkpoints with.
CREATE TABLE server_keys (
  purpose text PRIMARY KEY,
  private_key_file json NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The log is append-only in the database itself, whoever connects.
CREATE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the % table is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON entries
  FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON entries
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER admissions_append_only BEFORE UPDATE OR DELETE ON admissions
  FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER admissions_no_truncate BEFORE TRUNCATE ON admissions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();

-- The role the server's queries run as (SET ROLE after migrating): it may read and insert, never
-- update or delete. Roles are cluster-wide, so it may exist already from another database.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crew_return_app') THEN
    CREATE ROLE crew_return_app NOLOGIN;
  END IF;
END
$$;
GRANT crew_return_app TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO crew_return_app;
GRANT SELECT, INSERT ON sessions, keys, admissions, entries, server_keys TO crew_return_app;
