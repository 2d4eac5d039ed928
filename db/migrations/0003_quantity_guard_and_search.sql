-- Quantity resources (120 chairs) never have more units booked at any instant than they own, and every booking
-- write of one resource is serialised by locking the resource row first. Enforced here so no writer can bypass it.
CREATE OR REPLACE FUNCTION bookings_guard_fields() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r_quantity integer;
  r_buffer integer;
  peak integer;
BEGIN
  IF NEW.status IN ('pending', 'approved') THEN
    -- Competing writers of the same resource wait here; after the wait the queries below see what they committed.
    SELECT quantity, buffer_minutes INTO r_quantity, r_buffer FROM resources WHERE id = NEW.resource_id FOR UPDATE;
  ELSE
    SELECT quantity, buffer_minutes INTO r_quantity, r_buffer FROM resources WHERE id = NEW.resource_id;
  END IF;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'resource % does not exist', NEW.resource_id USING ERRCODE = '23503';
  END IF;
  NEW.exclusive := (r_quantity = 1);
  NEW.blocked_period := tstzrange(lower(NEW.period), upper(NEW.period) + make_interval(mins => r_buffer), '[)');

  IF NEW.status IN ('pending', 'approved') AND r_quantity > 1 THEN
    IF NEW.quantity > r_quantity THEN
      RAISE EXCEPTION 'quantity_exceeded' USING ERRCODE = '23P01', CONSTRAINT = 'bookings_quantity_limit';
    END IF;
    -- The most units held at once inside the new period: the peak is at its start or where another booking starts.
    SELECT coalesce(max(held), 0) INTO peak FROM (
      SELECT (
        SELECT coalesce(sum(o.quantity), 0) FROM bookings o
        WHERE o.resource_id = NEW.resource_id AND o.id <> NEW.id
          AND o.status IN ('pending', 'approved') AND o.blocked_period @> t.at
      ) AS held
      FROM (
        SELECT lower(NEW.blocked_period) AS at
        UNION
        SELECT lower(o.blocked_period) FROM bookings o
        WHERE o.resource_id = NEW.resource_id AND o.id <> NEW.id
          AND o.status IN ('pending', 'approved') AND o.blocked_period && NEW.blocked_period
          AND lower(o.blocked_period) > lower(NEW.blocked_period)
      ) AS t
    ) AS points;
    IF peak + NEW.quantity > r_quantity THEN
      RAISE EXCEPTION 'quantity_exceeded' USING ERRCODE = '23P01', CONSTRAINT = 'bookings_quantity_limit';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS bookings_guard_fields ON bookings;
--> statement-breakpoint
CREATE TRIGGER bookings_guard_fields
  BEFORE INSERT OR UPDATE OF resource_id, period, status, quantity ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_guard_fields();
--> statement-breakpoint
-- Case- and accent-insensitive Polish search: `swietlica` finds `Świetlica`, `lodz` finds `Łódź`.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION wsp_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1))
$$;
