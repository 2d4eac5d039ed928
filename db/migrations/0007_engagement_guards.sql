-- A volunteer is never in two active engagements that overlap (issue 4). The application checks first and turns
-- the refusal (SQLSTATE 23P01) into a clear message; this constraint is what holds under concurrency.
ALTER TABLE "engagements"
  ADD CONSTRAINT "engagements_no_overlap"
  EXCLUDE USING gist ("volunteer_id" WITH =, "period" WITH &&) WHERE ("status" = 'active');
--> statement-breakpoint
-- The engagement belongs to the volunteer's organisation, whatever the caller wrote.
CREATE FUNCTION "engagements_owner"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT v.organisation_id INTO NEW.organisation_id FROM volunteers v WHERE v.id = NEW.volunteer_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "engagements_owner"
  BEFORE INSERT OR UPDATE OF "volunteer_id", "organisation_id" ON "engagements"
  FOR EACH ROW EXECUTE FUNCTION "engagements_owner"();
