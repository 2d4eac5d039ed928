/**
 * Issue 4's guarantee: a volunteer is never in two active engagements that overlap, whoever assigns them at once.
 * On PostgreSQL (a pool of 60 connections) the two assignments really run in parallel: both pass the application's
 * check, and the exclusion constraint `engagements_no_overlap` refuses the second insert. On PGlite they serialise
 * and the application's check answers. Either way exactly one engagement must remain, many rounds in a row.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import { engagements, needAnswers, resourceVolunteers } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { toRange } from "@/lib/domain/period";
import { assignVolunteers } from "@/lib/engagements/assign-volunteers";
import { AppError } from "@/lib/errors";
import { answerNeed } from "@/lib/needs/answer-need";
import { acceptAnswer } from "@/lib/needs/decide-answer";
import { postNeed } from "@/lib/needs/post-need";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createBooking, createMember, createOrganisation, createResource, createVolunteer } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const ROUNDS = 25;
const HOUR = 3_600_000;
const NOW = new Date("2027-05-03T08:00:00Z");

async function settle(promises: Promise<unknown>[]) {
  const results = await Promise.allSettled(promises);
  const codes = results.map((r) =>
    r.status === "fulfilled" ? "ok" : r.reason instanceof AppError ? r.reason.code : String(r.reason),
  );
  return codes.sort();
}

async function activeOf(volunteerId: string) {
  return h.db
    .select({ id: engagements.id, bookingId: engagements.bookingId, answerId: engagements.needAnswerId })
    .from(engagements)
    .where(and(eq(engagements.volunteerId, volunteerId), eq(engagements.status, "active")));
}

describe(`one volunteer, two overlapping engagements at once (${testDriver})`, () => {
  it(`two owners' members assign one volunteer to two overlapping approved requests: one wins, ${ROUNDS} rounds`, async () => {
    const owner = await createOrganisation(h.db, { name: "PCK testowy" });
    const first = await createOrganisation(h.db, { name: "Prosi pierwszy" });
    const second = await createOrganisation(h.db, { name: "Prosi drugi" });
    const a = (await createMember(h.db, owner.id, "member")).actor;
    const b = (await createMember(h.db, owner.id, "admin")).actor;
    const course = await createResource(h.db, owner.id, { kind: "expertise", name: "Kurs pierwszej pomocy" });
    const talk = await createResource(h.db, owner.id, { kind: "expertise", name: "Pogadanka o bezpieczeństwie" });

    for (let round = 0; round < ROUNDS; round++) {
      const volunteer = await createVolunteer(h.db, owner.id, { firstName: `Runda${round}` });
      await h.db.insert(resourceVolunteers).values([
        { resourceId: course.id, volunteerId: volunteer.id },
        { resourceId: talk.id, volunteerId: volunteer.id },
      ]);
      const start = new Date(NOW.getTime() + (24 + round * 24) * HOUR);
      // Overlapping by one hour: 10:00–12:00 and 11:00–13:00.
      const one = await createBooking(h.db, {
        resourceId: course.id,
        organisationId: first.id,
        start,
        end: new Date(start.getTime() + 2 * HOUR),
      });
      const two = await createBooking(h.db, {
        resourceId: talk.id,
        organisationId: second.id,
        start: new Date(start.getTime() + HOUR),
        end: new Date(start.getTime() + 3 * HOUR),
      });
      const codes = await settle([
        assignVolunteers(h.db, a, { bookingId: one.id, volunteerIds: [volunteer.id] }, NOW),
        assignVolunteers(h.db, b, { bookingId: two.id, volunteerIds: [volunteer.id] }, NOW),
      ]);
      expect(codes, `round ${round}`).toEqual(["ok", "volunteer_busy"]);
      const active = await activeOf(volunteer.id);
      expect(active, `round ${round}`).toHaveLength(1);
      expect([one.id, two.id]).toContain(active[0].bookingId);
    }
  });

  it(`two posters accept answers naming the same volunteer for overlapping needs at once: one wins, ${ROUNDS} rounds`, async () => {
    const helper = await createOrganisation(h.db, { name: "Pomaga" });
    const posterA = await createOrganisation(h.db, { name: "Szuka A" });
    const posterB = await createOrganisation(h.db, { name: "Szuka B" });
    const answerer = (await createMember(h.db, helper.id, "member")).actor;
    const actorA = (await createMember(h.db, posterA.id, "member")).actor;
    const actorB = (await createMember(h.db, posterB.id, "member")).actor;

    for (let round = 0; round < ROUNDS; round++) {
      const volunteer = await createVolunteer(h.db, helper.id, { firstName: `Ania${round}`, skills: ["Animacja"] });
      const date = new Date(NOW.getTime() + (round + 2) * 24 * HOUR).toISOString().slice(0, 10);
      const post = (actor: Actor, from: string, to: string) =>
        postNeed(
          h.db,
          actor,
          { title: `Festyn ${round}`, date, from, to, volunteersNeeded: "1", skills: "Animacja" },
          NOW,
        );
      const needA = await post(actorA, "10:00", "12:00");
      const needB = await post(actorB, "11:30", "14:00");
      // Answering does not hold the volunteer yet: both answers are allowed.
      const ansA = await answerNeed(h.db, answerer, { needId: needA.id, volunteerIds: [volunteer.id] }, NOW);
      const ansB = await answerNeed(h.db, answerer, { needId: needB.id, volunteerIds: [volunteer.id] }, NOW);
      const codes = await settle([
        acceptAnswer(h.db, actorA, { answerId: ansA.id }, NOW),
        acceptAnswer(h.db, actorB, { answerId: ansB.id }, NOW),
      ]);
      expect(codes, `round ${round}`).toEqual(["ok", "volunteer_busy"]);
      expect(await activeOf(volunteer.id), `round ${round}`).toHaveLength(1);
      // The losing answer is still waiting, not half-accepted.
      const statuses = await h.db
        .select({ status: needAnswers.status })
        .from(needAnswers)
        .where(sql`${needAnswers.id} IN (${ansA.id}, ${ansB.id})`);
      expect(statuses.map((s) => s.status).sort()).toEqual(["accepted", "offered"]);
    }
  });

  it("the constraint itself: two raw inserts of overlapping active engagements in parallel leave one", async () => {
    const org = await createOrganisation(h.db);
    const other = await createOrganisation(h.db);
    const room = await createResource(h.db, org.id, { kind: "expertise" });
    for (let round = 0; round < ROUNDS; round++) {
      const volunteer = await createVolunteer(h.db, org.id);
      const start = new Date(NOW.getTime() + round * 24 * HOUR);
      const booking = await createBooking(h.db, {
        resourceId: room.id,
        organisationId: other.id,
        start,
        end: new Date(start.getTime() + 4 * HOUR),
      });
      const insert = (offsetHours: number) =>
        h.db.transaction(async (tx) => {
          await tx.insert(engagements).values({
            volunteerId: volunteer.id,
            organisationId: org.id,
            receivingOrganisationId: other.id,
            bookingId: booking.id,
            title: "Wyścig",
            period: toRange({
              start: new Date(start.getTime() + offsetHours * HOUR),
              end: new Date(start.getTime() + (offsetHours + 2) * HOUR),
            }),
          });
          // Hold the transaction open a moment so that the other insert really waits on this one.
          await tx.execute(sql`SELECT pg_sleep(0.02)`);
        });
      const results = await Promise.allSettled([insert(0), insert(1)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      const state = failure.reason?.cause?.code ?? failure.reason?.code;
      // The exclusion constraint refuses the loser (23P01), or PostgreSQL breaks the wait between the two writers as a
      // deadlock (40P01); the use-cases answer `volunteer_busy` to both (engagement-core.ts).
      expect(["23P01", "40P01"]).toContain(state);
      expect(await activeOf(volunteer.id)).toHaveLength(1);
    }
  });
});
