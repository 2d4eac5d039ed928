import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/connect";
import { tableRowCounts } from "@/db/dump";
import { migrateDatabase } from "@/db/migrate";
import { organisations, users } from "@/db/schema";
import { COORDINATOR_EMAIL, seedDemo } from "@/db/seed";
import { loadActor } from "@/lib/auth/actor";
import { presetPeriod } from "@/lib/domain/report-period";
import { getUtilisation } from "@/lib/reports/get-utilisation";
import { createBooking, createResource } from "./factories";

/** The "today" of the operations tests: the demo data and the report period are laid out around it. */
export const TRIAL_NOW = new Date("2026-11-26T12:00:00Z");
const quarter = presetPeriod("quarter", "2026-11-26");
export const ADDED_RESOURCE = "Sala dodana w próbie";

/**
 * A partnership's database after some use: migrated, the demo partnership, and a hall one organisation added with four
 * bookings by others in the report's quarter (purposes with quotes and semicolons, which a dump must carry intact).
 */
export async function seedTrial(h: DatabaseHandle): Promise<void> {
  await migrateDatabase(h);
  await seedDemo(h.db, { now: TRIAL_NOW });
  const orgs = await h.db.select().from(organisations).orderBy(organisations.slug);
  const hall = await createResource(h.db, orgs[0].id, { name: ADDED_RESOURCE });
  for (const [i, borrower] of orgs.slice(1, 5).entries()) {
    const start = new Date(Date.UTC(2026, 9, 5 + i * 7, 8)); // October 2026, in the quarter
    await createBooking(h.db, {
      resourceId: hall.id,
      organisationId: borrower.id,
      start,
      end: new Date(start.getTime() + (2 + i) * 3_600_000),
      status: i % 2 ? "completed" : "approved",
      purpose: `Spotkanie „${borrower.name}” – próba; z apostrofem ' i średnikiem ;`,
    });
  }
}

/** What a move or a restore must keep: every table's row count and the coordinator's utilisation report. */
export async function trialFigures(h: DatabaseHandle) {
  const [coordinatorUser] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, COORDINATOR_EMAIL));
  const coordinator = await loadActor(h.db, coordinatorUser.id);
  if (!coordinator) throw new Error("no coordinator");
  return {
    counts: await tableRowCounts(h.query),
    byResource: await getUtilisation(h.db, coordinator, { ...quarter, groupBy: "resource" }),
    byOrganisation: await getUtilisation(h.db, coordinator, { ...quarter, groupBy: "organisation" }),
  };
}
