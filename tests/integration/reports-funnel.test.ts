import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import type { organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getFunnel } from "@/lib/reports/get-funnel";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createBooking, createMember, createOrganisation, createResource } from "../helpers/factories";

let h: DatabaseHandle;
type Org = typeof organisations.$inferSelect;
let owner: Org;
let requester: Org;
let outsider: Org;
let coordinator: Actor;
let ownerAdmin: Actor;
let outsiderAdmin: Actor;
let quiet: { id: string };
let busy: { id: string };

const HOUR = 3_600_000;
/** Warsaw summer time (CEST) wall clock as an instant. */
const w = (local: string) => new Date(`${local.replace(" ", "T")}:00+02:00`);

beforeAll(async () => {
  h = await createTestDatabase();
  const leader = await createOrganisation(h.db, { name: "MOPS testowy", isLeader: true });
  owner = await createOrganisation(h.db, { name: "Właściciel" });
  requester = await createOrganisation(h.db, { name: "Proszący" });
  outsider = await createOrganisation(h.db, { name: "Z boku" });
  coordinator = (await createMember(h.db, leader.id, "member", { coordinator: true })).actor;
  const ownerMember = await createMember(h.db, owner.id, "admin");
  ownerAdmin = ownerMember.actor;
  outsiderAdmin = (await createMember(h.db, outsider.id, "admin")).actor;
  const decider = ownerMember.user.id;

  quiet = await createResource(h.db, owner.id, { name: "Rzadko używana sala" }); // always open: 720 h in April
  busy = await createResource(h.db, owner.id, { name: "Oblegana sala" });

  let day = 1;
  /** A request made at `created` (local), decided `decidedAfter` hours later by the owner or by nobody. */
  const request = async (
    created: string,
    status: "pending" | "approved" | "completed" | "declined" | "cancelled" | "expired",
    decision: { after: number; by: "owner" | "nobody" } | null,
    resource = quiet,
  ) => {
    const createdAt = w(created);
    const start = new Date(Date.UTC(2026, 3, day, 8));
    day += 1;
    await createBooking(h.db, {
      resourceId: resource.id,
      organisationId: requester.id,
      start,
      end: new Date(start.getTime() + HOUR),
      status,
      createdAt,
      decidedAt: decision ? new Date(createdAt.getTime() + decision.after * HOUR) : null,
      decidedBy: decision?.by === "owner" ? decider : null,
    });
  };
  await request("2026-04-02 10:00", "completed", { after: 2, by: "owner" });
  await request("2026-04-03 10:00", "declined", { after: 4, by: "owner" });
  await request("2026-04-05 08:00", "cancelled", { after: 10, by: "owner" }); // approved, then cancelled
  await request("2026-04-06 09:00", "expired", { after: 30, by: "nobody" }); // the sweep, not a person
  await request("2026-04-07 09:00", "pending", null);
  await request("2026-04-08 09:00", "approved", { after: 0, by: "nobody" }); // booked instantly
  await request("2026-04-30 23:30", "pending", null); // 21:30 UTC: still 30 April in Warsaw
  await request("2026-03-31 23:30", "approved", { after: 1, by: "owner" }); // 31 March: not in April
  // The busy room: 100 of its 720 April hours (13.9%): not under-used.
  await createBooking(h.db, {
    resourceId: busy.id,
    organisationId: requester.id,
    start: w("2026-04-10 00:00"),
    end: new Date(w("2026-04-10 00:00").getTime() + 100 * HOUR),
    createdAt: w("2026-03-20 10:00"),
    decidedAt: w("2026-03-20 12:00"),
    decidedBy: decider,
  });
});
afterAll(async () => {
  await h?.close();
});

const april = { from: "2026-04-01", to: "2026-04-30" };

describe(`request funnel (${testDriver})`, () => {
  it("counts the requests made in the period by what became of them, and the median time to an owner's decision", async () => {
    const r = await getFunnel(h.db, coordinator, april);
    expect(r).toMatchObject({
      requests: 7,
      approved: 2, // completed + approved
      declined: 1,
      cancelled: 1,
      expired: 1,
      pending: 2,
      instant: 1,
      decided: 3, // 2 h, 4 h, 10 h: the expired and the instant ones had no owner's decision
      medianDecisionHours: 4,
    });
  });

  it("lists the resources used under 10% of their available time", async () => {
    const r = await getFunnel(h.db, coordinator, april);
    const names = r.underused.map((x) => x.label);
    expect(names).toContain("Rzadko używana sala");
    expect(names).not.toContain("Oblegana sala");
    const q = r.underused.find((x) => x.label === "Rzadko używana sala");
    // Three one-hour uses (the completed one and the two approved ones) of 720 hours.
    expect(q).toMatchObject({ bookedHours: 3, availableHours: 720, utilisation: 0.0042 });
  });

  it("an admin sees the requests its organisation is party to; a partner not party sees none", async () => {
    expect((await getFunnel(h.db, ownerAdmin, april)).requests).toBe(7);
    const outsiderView = await getFunnel(h.db, outsiderAdmin, april);
    expect(outsiderView).toMatchObject({ requests: 0, medianDecisionHours: null, underused: [] });
    const member = (await createMember(h.db, owner.id, "member")).actor;
    await expect(getFunnel(h.db, member, april)).rejects.toBeInstanceOf(AppError);
  });
});
