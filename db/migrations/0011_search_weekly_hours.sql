ALTER TABLE "resources" ADD COLUMN "weekly_hours" text;--> statement-breakpoint
-- The dates-first search checks every candidate's weekly hours; aggregating them from opening_hours on every search
-- cost more than the rest of the query (1,000 resources: 7,000 rows read and joined as text each time). The resource
-- row keeps them as one string instead, rewritten by this trigger whenever its hours change.
CREATE OR REPLACE FUNCTION wsp_weekly_hours(rid uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT string_agg(h.weekday || ' ' || left(h.start_time::text, 5) || ' ' || left(h.end_time::text, 5), ','
                    ORDER BY h.weekday, h.start_time)
  FROM opening_hours h WHERE h.resource_id = rid
$$;
--> statement-breakpoint
-- Each rewrite first locks the resource row in a statement of its own: two transactions changing one resource's
-- hours then take turns, and the second computes the string from a snapshot taken after the first committed (in
-- READ COMMITTED every statement sees what was committed before it started), so neither interval is lost.
CREATE OR REPLACE FUNCTION opening_hours_keep_weekly() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (NEW.resource_id IS DISTINCT FROM OLD.resource_id
                                                OR NEW.weekday <> OLD.weekday OR NEW.start_time <> OLD.start_time
                                                OR NEW.end_time <> OLD.end_time)) THEN
    PERFORM 1 FROM resources WHERE id = OLD.resource_id FOR UPDATE;
    UPDATE resources SET weekly_hours = wsp_weekly_hours(OLD.resource_id) WHERE id = OLD.resource_id;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.resource_id IS DISTINCT FROM OLD.resource_id) THEN
    PERFORM 1 FROM resources WHERE id = NEW.resource_id FOR UPDATE;
    UPDATE resources SET weekly_hours = wsp_weekly_hours(NEW.resource_id) WHERE id = NEW.resource_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER opening_hours_keep_weekly AFTER INSERT OR UPDATE OR DELETE ON opening_hours
  FOR EACH ROW EXECUTE FUNCTION opening_hours_keep_weekly();
--> statement-breakpoint
UPDATE resources r SET weekly_hours = wsp_weekly_hours(r.id);
