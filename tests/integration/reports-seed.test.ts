import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import { users } from "@/db/schema";
import { COORDINATOR_EMAIL, seedDemo } from "@/db/seed";
import { seedResources } from "@/db/seed-data";
import { loadActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { presetPeriod } from "@/lib/domain/report-period";
import { getExchange } from "@/lib/reports/get-exchange";
import { getFunnel } from "@/lib/reports/get-funnel";
import { getInKind } from "@/lib/reports/get-in-kind";
import { getUtilisation } from "@/lib/reports/get-utilisation";
import { listRateCards } from "@/lib/reports/list-rate-cards";
import { createTestDatabase, testDriver } from "../helpers/db";

let h: DatabaseHandle;
let coordinator: Actor;
let caritasAdmin: Actor;
const NOW = new Date("2026-11-26T12:00:00Z");
const quarter = presetPeriod("quarter", "2026-11-26");

async function actorOf(email: string) {
  const [user] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const actor = await loadActor(h.db, user.id);
  if (!actor) throw new Error(`no actor for ${email}`);
  return actor;
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h.db, { now: NOW });
  coordinator = await actorOf(COORDINATOR_EMAIL);
  caritasAdmin = await actorOf("caritas@partnerstwo.test");
});
afterAll(async () => {
  await h?.close();
});

describe(`reports on the demo partnership (${testDriver})`, () => {
  it("the coordinator's last quarter: every resource, valued exchange, no booking without a rate", async () => {
    const utilisation = await getUtilisation(h.db, coordinator, { ...quarter, groupBy: "resource" });
    expect(utilisation.rows).toHaveLength(seedResources.length);
    expect(utilisation.totals.bookings).toBeGreaterThan(5);
    expect(utilisation.totals.utilisation).toBeGreaterThan(0);
    const inKind = await getInKind(h.db, coordinator, quarter);
    expect(inKind.totals.value).toBeGreaterThan(0);
    expect(inKind.totals.unvalued).toBe(0);
    expect(inKind.lines.every((l) => l.source.length > 0)).toBe(true);
    const exchange = await getExchange(h.db, coordinator, quarter);
    expect(exchange.organisations).toHaveLength(9);
    expect(exchange.matrix.length).toBeGreaterThan(3);
    const funnel = await getFunnel(h.db, coordinator, quarter);
    expect(funnel.requests).toBeGreaterThan(5);
    const rates = await listRateCards(h.db, coordinator, NOW);
    expect(rates.categories.every((c) => c.rates.some((r) => r.current))).toBe(true);
    expect(rates.resources.filter((r) => r.specialist).length).toBeGreaterThan(0);
  });

  it("an admin's reports hold its own organisation only", async () => {
    const utilisation = await getUtilisation(h.db, caritasAdmin, { ...quarter, groupBy: "organisation" });
    expect(utilisation.rows.map((r) => r.key)).toEqual(["caritas"]);
    const byResource = await getUtilisation(h.db, caritasAdmin, { ...quarter, groupBy: "resource" });
    expect(byResource.rows.every((r) => r.organisation?.slug === "caritas")).toBe(true);
    const exchange = await getExchange(h.db, caritasAdmin, quarter);
    expect(exchange.matrix.every((c) => c.lender === "caritas" || c.borrower === "caritas")).toBe(true);
  });
});
