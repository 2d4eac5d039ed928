-- What must never break is enforced here, below the application.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- blocked_period and exclusive are derived from the resource at write time, so no caller can get them wrong.
CREATE OR REPLACE FUNCTION bookings_guard_fields() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r_quantity integer;
  r_buffer integer;
BEGIN
  SELECT quantity, buffer_minutes INTO r_quantity, r_buffer FROM resources WHERE id = NEW.resource_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'resource % does not exist', NEW.resource_id USING ERRCODE = '23503';
  END IF;
  NEW.exclusive := (r_quantity = 1);
  NEW.blocked_period := tstzrange(lower(NEW.period), upper(NEW.period) + make_interval(mins => r_buffer), '[)');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER bookings_guard_fields
  BEFORE INSERT OR UPDATE OF resource_id, period, status ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_guard_fields();
--> statement-breakpoint
-- A unit resource (a hall, an expert's time) never has two bookings holding overlapping time, its buffer included:
-- each booking blocks [start, end + buffer), so two bookings collide exactly when the gap between them is under the buffer.
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap
  EXCLUDE USING gist (resource_id WITH =, blocked_period WITH &&)
  WHERE (exclusive AND status IN ('pending', 'approved'));
--> statement-breakpoint
-- The audit log is append-only for everyone, the application's own role included.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
