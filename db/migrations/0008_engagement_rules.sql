-- A request for an offer that ends up cancelled, declined or expired takes its volunteers' engagements with it,
-- whichever path changed its status (a cancellation by either side, a series cancelled at once, a partner suspended
-- or leaving the partnership, the sweep). Confirmed hours are never touched (see the next trigger).
CREATE FUNCTION "bookings_cancel_engagements"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE engagements
     SET status = 'cancelled', cancelled_at = now(), updated_at = now()
   WHERE booking_id = NEW.id AND status = 'active' AND hours_status <> 'confirmed';
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "bookings_cancel_engagements"
  AFTER UPDATE OF "status" ON "bookings"
  FOR EACH ROW
  WHEN (NEW.status IN ('cancelled', 'declined', 'expired') AND OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION "bookings_cancel_engagements"();
--> statement-breakpoint
-- Confirmed hours are final (issue 4): once the receiving organisation confirmed them, neither the hours nor the
-- engagement's status, volunteer or period change again. Erasing the volunteer keeps them (it anonymises the
-- volunteer's row, not the engagement).
CREATE FUNCTION "engagements_confirmed_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.hours_status = 'confirmed' AND (
       NEW.hours_status IS DISTINCT FROM OLD.hours_status OR NEW.hours IS DISTINCT FROM OLD.hours
       OR NEW.status IS DISTINCT FROM OLD.status OR NEW.volunteer_id IS DISTINCT FROM OLD.volunteer_id
       OR NEW.period IS DISTINCT FROM OLD.period) THEN
    RAISE EXCEPTION 'confirmed hours are final' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "engagements_confirmed_final"
  BEFORE UPDATE ON "engagements"
  FOR EACH ROW EXECUTE FUNCTION "engagements_confirmed_final"();
--> statement-breakpoint
-- Hours exist exactly when they were recorded: no hours without a status saying so, and no status without hours.
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_hours_status"
  CHECK ((hours_status = 'none') = (hours IS NULL));
--> statement-breakpoint
-- Needs are listed by status and time (the board, the sweep).
CREATE INDEX "needs_open_period_idx" ON "needs" USING gist ("period") WHERE status = 'open';
