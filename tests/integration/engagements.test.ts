import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { DatabaseHandle } from "@/db/connect";
import { auditLog, engagements, notifications, resourceSkills, resourceVolunteers } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { cancelBooking } from "@/lib/bookings/cancel-booking";
import { assignVolunteers } from "@/lib/engagements/assign-volunteers";
import { getBookingVolunteers } from "@/lib/engagements/booking-volunteers";
import { cancelEngagement } from "@/lib/engagements/cancel-engagement";
import { confirmHours, disputeHours } from "@/lib/engagements/decide-hours";
import { countHoursTodo, listEngagements } from "@/lib/engagements/list-engagements";
import { recordHours } from "@/lib/engagements/record-hours";
import { AppError, sqlState } from "@/lib/errors";
import { resolveSkills } from "@/lib/volunteers/skills";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createBooking, createMember, createOrganisation, createResource, createVolunteer } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const NOW = new Date("2027-05-03T08:00:00Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const PHONE = "+48 555 000 777";

async function outcome(p: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> }> {
  try {
    await p;
    return { code: "ok", details: {} };
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, details: error.details };
    if (error instanceof ZodError) return { code: "zod", details: { issues: error.issues.map((i) => i.message) } };
    throw error;
  }
}
const codeOf = async (p: Promise<unknown>) => (await outcome(p)).code;

let commando: { id: string };
let razem: { id: string };
let other: { id: string };
let owner: Actor;
let requester: Actor;
let stranger: Actor;
let course: { id: string };
let anna: { id: string };
let bartek: { id: string };
let outsider: { id: string };

beforeAll(async () => {
  commando = await createOrganisation(h.db, { name: "Commando" });
  razem = await createOrganisation(h.db, { name: "Razem" });
  other = await createOrganisation(h.db, { name: "Inny partner" });
  owner = (await createMember(h.db, commando.id, "member")).actor;
  requester = (await createMember(h.db, razem.id, "member")).actor;
  stranger = (await createMember(h.db, other.id, "admin")).actor;
  course = await createResource(h.db, commando.id, {
    kind: "expertise",
    name: "Kurs samoobrony",
    details: { childrenCheck: true },
  });
  anna = await createVolunteer(h.db, commando.id, {
    firstName: "Anna",
    lastName: "Nowak",
    phone: PHONE,
    childrenCheckOn: "2026-02-01",
    qualifications: [{ skill: "Samoobrona", validUntil: "2027-12-31" }],
  });
  bartek = await createVolunteer(h.db, commando.id, {
    firstName: "Bartek",
    childrenCheckOn: "2026-02-01",
    qualifications: [{ skill: "Samoobrona", validUntil: "2027-05-01" }],
  });
  outsider = await createVolunteer(h.db, commando.id, { firstName: "Czesław" }); // not on the offer's team
  const [skill] = await resolveSkills(h.db, ["Samoobrona"]);
  await h.db.insert(resourceSkills).values({ resourceId: course.id, skillId: skill.id, certificateRequired: true });
  await h.db.insert(resourceVolunteers).values([
    { resourceId: course.id, volunteerId: anna.id },
    { resourceId: course.id, volunteerId: bartek.id },
  ]);
});

const request = (startHours: number, lengthHours = 2, status: "approved" | "pending" = "approved") =>
  createBooking(h.db, {
    resourceId: course.id,
    organisationId: razem.id,
    start: at(startHours),
    end: at(startHours + lengthHours),
    status,
    purpose: "Zajęcia dla młodzieży",
  });

describe(`volunteers assigned to requests for an offer (${testDriver})`, () => {
  it("the owner assigns the offer's team to an approved request; the requester is told and sees the contact", async () => {
    const b = await request(48);
    const done = await assignVolunteers(h.db, owner, { bookingId: b.id, volunteerIds: [anna.id] }, NOW);
    expect(done.engagements).toHaveLength(1);
    const [e] = await h.db.select().from(engagements).where(eq(engagements.bookingId, b.id));
    expect(e).toMatchObject({
      volunteerId: anna.id,
      organisationId: commando.id,
      receivingOrganisationId: razem.id,
      title: "Kurs samoobrony",
      childrenCheckRequired: true,
      status: "active",
      hoursStatus: "none",
    });
    const told = await h.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.organisationId, razem.id), eq(notifications.kind, "engagement_assigned")));
    expect(told.length).toBeGreaterThan(0);
    const seen = await getBookingVolunteers(h.db, requester, b.id, NOW);
    expect(seen?.team).toBeNull();
    expect(seen?.engagements[0].volunteer?.contact).toMatchObject({ lastName: "Nowak", phone: PHONE });
    // After the work, the requester no longer sees it.
    expect(JSON.stringify(await getBookingVolunteers(h.db, requester, b.id, at(60)))).not.toContain(PHONE);
    expect(await codeOf(getBookingVolunteers(h.db, stranger, b.id, NOW))).toBe("not_found");
    const ownerView = await getBookingVolunteers(h.db, owner, b.id, NOW);
    expect(ownerView?.team?.map((m) => [m.card.firstName, m.assigned, m.problems.map((p) => p.code)])).toEqual([
      ["Anna", true, []],
      ["Bartek", false, ["qualification_expired"]],
    ]);
  });

  it("refuses: a volunteer off the team, the requester or a stranger assigning, a pending request, an expired certificate", async () => {
    const b = await request(72);
    expect(
      await outcome(assignVolunteers(h.db, owner, { bookingId: b.id, volunteerIds: [outsider.id] }, NOW)),
    ).toMatchObject({
      code: "validation",
      details: { field: "volunteerIds", reason: "not_in_team" },
    });
    expect(await codeOf(assignVolunteers(h.db, requester, { bookingId: b.id, volunteerIds: [anna.id] }, NOW))).toBe(
      "forbidden",
    );
    expect(await codeOf(assignVolunteers(h.db, stranger, { bookingId: b.id, volunteerIds: [anna.id] }, NOW))).toBe(
      "not_found",
    );
    const pending = await request(96, 2, "pending");
    expect(await codeOf(assignVolunteers(h.db, owner, { bookingId: pending.id, volunteerIds: [anna.id] }, NOW))).toBe(
      "invalid_state",
    );
    const gate = await outcome(
      assignVolunteers(h.db, owner, { bookingId: b.id, volunteerIds: [anna.id, bartek.id] }, NOW),
    );
    expect(gate).toEqual({
      code: "volunteer_gate",
      details: {
        volunteers: [
          {
            id: bartek.id,
            firstName: "Bartek",
            problems: [{ code: "qualification_expired", skill: "Samoobrona", validUntil: "2027-05-01" }],
          },
        ],
      },
    });
    expect(await codeOf(assignVolunteers(h.db, owner, { bookingId: b.id, volunteerIds: [] }, NOW))).toBe("zod");
    expect(await h.db.select().from(engagements).where(eq(engagements.bookingId, b.id))).toEqual([]);
  });

  it("an overlapping engagement is refused with the volunteer's first name", async () => {
    const first = await request(120, 3);
    await assignVolunteers(h.db, owner, { bookingId: first.id, volunteerIds: [anna.id] }, NOW);
    // Another offer of the same owner at an overlapping time.
    const talk = await createResource(h.db, commando.id, { kind: "expertise", name: "Pogadanka" });
    await h.db.insert(resourceVolunteers).values({ resourceId: talk.id, volunteerId: anna.id });
    const second = await createBooking(h.db, {
      resourceId: talk.id,
      organisationId: other.id,
      start: at(122),
      end: at(124),
    });
    expect(
      await outcome(assignVolunteers(h.db, owner, { bookingId: second.id, volunteerIds: [anna.id] }, NOW)),
    ).toEqual({
      code: "volunteer_busy",
      details: { volunteers: [{ id: anna.id, firstName: "Anna" }] },
    });
  });

  it("unassigning before the start; cancelling the request cancels its engagements", async () => {
    const b = await request(150);
    const { engagements: rows } = await assignVolunteers(
      h.db,
      owner,
      { bookingId: b.id, volunteerIds: [anna.id] },
      NOW,
    );
    expect(await codeOf(cancelEngagement(h.db, stranger, { engagementId: rows[0].id }, NOW))).toBe("not_found");
    expect(await codeOf(cancelEngagement(h.db, owner, { engagementId: rows[0].id }, at(151)))).toBe("invalid_state");
    expect((await cancelEngagement(h.db, owner, { engagementId: rows[0].id }, NOW)).status).toBe("cancelled");
    // Assign again, then the requester cancels the whole request.
    const again = await assignVolunteers(h.db, owner, { bookingId: b.id, volunteerIds: [anna.id] }, NOW);
    await cancelBooking(h.db, requester, { bookingId: b.id }, NOW);
    const [e] = await h.db.select().from(engagements).where(eq(engagements.id, again.engagements[0].id));
    expect(e.status).toBe("cancelled");
  });
});

describe(`hours: recorded by the volunteer's organisation, confirmed by the receiving one (${testDriver})`, () => {
  let engagementId: string;
  beforeAll(async () => {
    const b = await request(200, 3);
    const { engagements: rows } = await assignVolunteers(
      h.db,
      owner,
      { bookingId: b.id, volunteerIds: [anna.id] },
      NOW,
    );
    engagementId = rows[0].id;
  });
  const after = at(204);

  it("only after the end, only by the volunteer's organisation, in quarters up to the length", async () => {
    expect(await codeOf(recordHours(h.db, owner, { engagementId, hours: "3" }, at(202)))).toBe("invalid_state");
    expect(await codeOf(recordHours(h.db, requester, { engagementId, hours: "3" }, after))).toBe("forbidden");
    expect(await codeOf(recordHours(h.db, stranger, { engagementId, hours: "3" }, after))).toBe("not_found");
    expect(await outcome(recordHours(h.db, owner, { engagementId, hours: "3,5" }, after))).toMatchObject({
      code: "validation",
      details: { field: "hours", reason: "hours_too_many" },
    });
    expect(await outcome(recordHours(h.db, owner, { engagementId, hours: "1,1" }, after))).toMatchObject({
      details: { reason: "hours_step" },
    });
    expect(await outcome(recordHours(h.db, owner, { engagementId, hours: "dwie" }, after))).toMatchObject({
      code: "zod",
      details: { issues: ["hours_format"] },
    });
    // Two earlier engagements of this file ended by then too.
    expect(await countHoursTodo(h.db, commando.id, after)).toEqual({ toRecord: 3, toConfirm: 0 });
    expect(await countHoursTodo(h.db, commando.id, at(202))).toEqual({ toRecord: 2, toConfirm: 0 });
    const done = await recordHours(h.db, owner, { engagementId, hours: "2,75", note: "Krótsza przerwa" }, after);
    expect(done).toMatchObject({ hours: 2.75, hoursStatus: "recorded" });
    expect(await countHoursTodo(h.db, commando.id, after)).toEqual({ toRecord: 2, toConfirm: 0 });
    expect(await countHoursTodo(h.db, razem.id, after)).toEqual({ toRecord: 0, toConfirm: 1 });
    expect(await codeOf(recordHours(h.db, owner, { engagementId, hours: "2" }, after))).toBe("invalid_state");
  });

  it("the receiving organisation disputes with a reason; recorded again; confirmed, which is final", async () => {
    expect(await codeOf(confirmHours(h.db, owner, { engagementId }, after))).toBe("forbidden");
    expect(await codeOf(confirmHours(h.db, stranger, { engagementId }, after))).toBe("not_found");
    expect(await outcome(disputeHours(h.db, requester, { engagementId }, after))).toMatchObject({
      code: "validation",
      details: { field: "note", reason: "reason_required" },
    });
    await disputeHours(h.db, requester, { engagementId, note: "Zajęcia trwały 2 godziny" }, after);
    const given = await listEngagements(h.db, owner, { side: "given", show: "todo" }, after);
    expect(given.rows.find((r) => r.id === engagementId)).toMatchObject({
      hoursStatus: "disputed",
      disputeNote: "Zajęcia trwały 2 godziny",
    });
    await recordHours(h.db, owner, { engagementId, hours: "2" }, after);
    const received = await listEngagements(h.db, requester, { side: "received", show: "todo" }, after);
    expect(received.rows.map((r) => [r.id, r.hours, r.organisationName])).toEqual([[engagementId, 2, "Commando"]]);
    expect((await confirmHours(h.db, requester, { engagementId }, after)).hoursStatus).toBe("confirmed");
    expect(await codeOf(recordHours(h.db, owner, { engagementId, hours: "3" }, after))).toBe("invalid_state");
    expect(await codeOf(disputeHours(h.db, requester, { engagementId, note: "jednak nie" }, after))).toBe(
      "invalid_state",
    );
    for (const kind of ["hours_recorded", "hours_disputed", "hours_confirmed"]) {
      const org = kind === "hours_recorded" ? razem.id : commando.id;
      const rows = await h.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.organisationId, org), eq(notifications.kind, kind)));
      expect(rows.length, kind).toBeGreaterThan(0);
    }
  });

  it("the database keeps confirmed hours final, whoever writes", async () => {
    let state: string | undefined;
    try {
      await h.db.update(engagements).set({ hours: "5.00" }).where(eq(engagements.id, engagementId));
    } catch (error) {
      state = sqlState(error);
    }
    expect(state).toBe("23514");
    try {
      await h.db.update(engagements).set({ status: "cancelled" }).where(eq(engagements.id, engagementId));
      state = "ok";
    } catch (error) {
      state = sqlState(error);
    }
    expect(state).toBe("23514");
    // Hours and their status go together.
    try {
      const b = await request(300);
      const [bad] = await h.db
        .insert(engagements)
        .values({
          volunteerId: bartek.id,
          organisationId: commando.id,
          receivingOrganisationId: razem.id,
          bookingId: b.id,
          title: "x",
          period: `[${at(300).toISOString()},${at(302).toISOString()})`,
          hoursStatus: "recorded",
        })
        .returning();
      state = bad ? "ok" : "none";
    } catch (error) {
      state = sqlState(error);
    }
    expect(state).toBe("23514");
  });

  it("the audit log names the volunteer by id only", async () => {
    const rows = await h.db.select({ after: auditLog.after, before: auditLog.before }).from(auditLog);
    const text = JSON.stringify(rows);
    expect(text).toContain(anna.id);
    expect(text).not.toContain("Nowak");
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain("Anna");
  });
});
