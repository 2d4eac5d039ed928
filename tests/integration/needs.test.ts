import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { DatabaseHandle } from "@/db/connect";
import { auditLog, engagements, needAnswers, needs, notifications, outboxMessages } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { answerNeed, withdrawAnswer } from "@/lib/needs/answer-need";
import { cancelNeed } from "@/lib/needs/cancel-need";
import { acceptAnswer, declineAnswer } from "@/lib/needs/decide-answer";
import { getNeed } from "@/lib/needs/get-need";
import { listNeeds } from "@/lib/needs/list-needs";
import { postNeed } from "@/lib/needs/post-need";
import { sweepNeeds } from "@/lib/needs/sweep-needs";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createMember, createOrganisation, createVolunteer } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const NOW = new Date("2027-05-03T08:00:00Z"); // a Monday, 10:00 in Warsaw
const DAY = 86_400_000;
const later = (days: number) => new Date(NOW.getTime() + days * DAY);
const PHONE = "+48 555 000 321";

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

async function noticesTo(organisationId: string, kind: string) {
  return h.db
    .select({ id: notifications.id, params: notifications.params, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.organisationId, organisationId), eq(notifications.kind, kind)));
}

/** The partnership of the journey: Razem posts, PCK and Caritas have volunteers, TOP has none that match. */
let razem: { id: string };
let pck: { id: string };
let caritas: { id: string };
let top: { id: string };
let poster: Actor;
let pckMember: Actor;
let caritasMember: Actor;
let topMember: Actor;
let ready: { id: string };
let noCheck: { id: string };
let expired: { id: string };
let caritasVolunteer: { id: string };

beforeAll(async () => {
  razem = await createOrganisation(h.db, { name: "Stowarzyszenie Razem" });
  pck = await createOrganisation(h.db, { name: "PCK" });
  caritas = await createOrganisation(h.db, { name: "Caritas" });
  top = await createOrganisation(h.db, { name: "TOP" });
  poster = (await createMember(h.db, razem.id, "member")).actor;
  await createMember(h.db, razem.id, "admin");
  pckMember = (await createMember(h.db, pck.id, "member")).actor;
  await createMember(h.db, pck.id, "admin");
  caritasMember = (await createMember(h.db, caritas.id, "member")).actor;
  topMember = (await createMember(h.db, top.id, "admin")).actor;
  ready = await createVolunteer(h.db, pck.id, {
    firstName: "Marta",
    lastName: "Kowalska",
    phone: PHONE,
    childrenCheckOn: "2026-09-01",
    skills: ["Pierwsza pomoc"],
    qualifications: [{ skill: "Pierwsza pomoc", validUntil: "2028-12-31" }],
  });
  noCheck = await createVolunteer(h.db, pck.id, {
    firstName: "Piotr",
    skills: ["Pierwsza pomoc"],
    qualifications: [{ skill: "Pierwsza pomoc", validUntil: "2028-12-31" }],
  });
  expired = await createVolunteer(h.db, pck.id, {
    firstName: "Ewa",
    childrenCheckOn: "2026-01-01",
    skills: ["Pierwsza pomoc"],
    qualifications: [{ skill: "Pierwsza pomoc", validUntil: "2027-01-31" }],
  });
  caritasVolunteer = await createVolunteer(h.db, caritas.id, {
    firstName: "Jan",
    childrenCheckOn: "2026-01-01",
    skills: ["Pierwsza pomoc", "Gotowanie"],
    qualifications: [{ skill: "Pierwsza pomoc", validUntil: null }],
  });
  // TOP: an active volunteer with another skill, and an inactive one with the skill — neither matches.
  await createVolunteer(h.db, top.id, { skills: ["Trening"] });
  await createVolunteer(h.db, top.id, { skills: ["Pierwsza pomoc"], active: false });
  // Razem's own matching volunteer: the poster is never told of its own need.
  await createVolunteer(h.db, razem.id, { skills: ["Pierwsza pomoc"] });
});

const workshop = (extra: Record<string, unknown> = {}) => ({
  title: "Warsztaty z dziećmi: bezpieczne wakacje",
  description: "Zajęcia dla 20 dzieci ze świetlicy.",
  location: "Świetlica, ul. Kościuszki 1",
  date: "2027-05-20",
  from: "10:00",
  to: "13:00",
  volunteersNeeded: "1",
  skills: "Pierwsza pomoc, Animacja zabaw",
  certifiedSkills: "Pierwsza pomoc",
  childrenCheckRequired: "on",
  ...extra,
});

describe(`the needs board (${testDriver})`, () => {
  it("posting notifies the partners with an active volunteer who has one of the skills, and nobody else", async () => {
    const { id, notified } = await postNeed(h.db, poster, workshop(), NOW);
    expect(notified.sort()).toEqual([pck.id, caritas.id].sort());
    for (const org of [pck.id, caritas.id]) {
      const got = await noticesTo(org, "need_match");
      expect(got.length).toBeGreaterThan(0);
      expect(got.every((n) => n.link === `/needs/${id}`)).toBe(true);
    }
    expect(await noticesTo(top.id, "need_match")).toEqual([]);
    expect(await noticesTo(razem.id, "need_match")).toEqual([]);
    const mails = await h.db.select().from(outboxMessages).where(eq(outboxMessages.kind, "need_match"));
    expect(mails.length).toBeGreaterThan(0);
    const [need] = await h.db.select().from(needs).where(eq(needs.id, id));
    expect(need).toMatchObject({ status: "open", childrenCheckRequired: true, volunteersNeeded: 1 });
    const page = await getNeed(h.db, topMember, id, NOW);
    expect(page.requirement.skills.map((s) => [s.name, s.certificateRequired])).toEqual([
      ["Animacja zabaw", false],
      ["Pierwsza pomoc", true],
    ]);
  });

  it("refuses bad input with the field that is wrong, and changes nothing", async () => {
    const before = (await h.db.select({ id: needs.id }).from(needs)).length;
    expect(await outcome(postNeed(h.db, poster, workshop({ from: "13:00", to: "10:00" }), NOW))).toMatchObject({
      code: "validation",
      details: { field: "to", reason: "end_before_start" },
    });
    expect(await outcome(postNeed(h.db, poster, workshop({ date: "2027-04-20" }), NOW))).toMatchObject({
      code: "validation",
      details: { field: "date", reason: "need_too_far_back" },
    });
    expect(await outcome(postNeed(h.db, poster, workshop({ skills: " , ", certifiedSkills: "" }), NOW))).toMatchObject({
      code: "zod",
      details: { issues: ["skills_required"] },
    });
    expect(await codeOf(postNeed(h.db, poster, workshop({ date: "2027-02-30" }), NOW))).toBe("zod");
    expect(await codeOf(postNeed(h.db, poster, workshop({ volunteersNeeded: "0" }), NOW))).toBe("zod");
    expect((await h.db.select({ id: needs.id }).from(needs)).length).toBe(before);
  });

  it("answers pass the gates: a missing children-work check and an expired certificate are refused by name", async () => {
    const { id } = await postNeed(h.db, poster, workshop({ title: "Bramki" }), NOW);
    const refused = await outcome(
      answerNeed(h.db, pckMember, { needId: id, volunteerIds: [noCheck.id, expired.id] }, NOW),
    );
    expect(refused.code).toBe("volunteer_gate");
    expect(refused.details.volunteers).toEqual(
      expect.arrayContaining([
        { id: noCheck.id, firstName: "Piotr", problems: [{ code: "children_check_missing" }] },
        {
          id: expired.id,
          firstName: "Ewa",
          problems: [{ code: "qualification_expired", skill: "Pierwsza pomoc", validUntil: "2027-01-31" }],
        },
      ]),
    );
    expect(await h.db.select().from(needAnswers).where(eq(needAnswers.needId, id))).toEqual([]);
    // Another organisation's volunteer cannot be named; the poster cannot answer its own need.
    expect(
      await outcome(answerNeed(h.db, pckMember, { needId: id, volunteerIds: [caritasVolunteer.id] }, NOW)),
    ).toMatchObject({
      code: "validation",
      details: { field: "volunteerIds", reason: "not_our_volunteer" },
    });
    expect(await codeOf(answerNeed(h.db, poster, { needId: id, volunteerIds: [ready.id] }, NOW))).toBe("invalid_state");
    // The answering partner sees why each of its volunteers can or cannot go.
    const page = await getNeed(h.db, pckMember, id, NOW);
    const problems = Object.fromEntries(
      page.candidates?.map((c) => [c.card.firstName, c.problems.map((p) => p.code)]) ?? [],
    );
    expect(problems).toEqual({
      Marta: [],
      Piotr: ["children_check_missing"],
      Ewa: ["qualification_expired"],
    });
  });

  it("answer → accept → engagement; the poster sees the first name and skills, the contact only once accepted", async () => {
    const { id } = await postNeed(h.db, poster, workshop({ title: "Przyjęcie", volunteersNeeded: "2" }), NOW);
    const pckAnswer = await answerNeed(
      h.db,
      pckMember,
      { needId: id, volunteerIds: [ready.id], note: "Marta ma kurs" },
      NOW,
    );
    expect(await codeOf(answerNeed(h.db, pckMember, { needId: id, volunteerIds: [noCheck.id] }, NOW))).toBe(
      "invalid_state",
    );
    expect((await noticesTo(razem.id, "need_answered")).length).toBeGreaterThan(0);

    const before = await getNeed(h.db, poster, id, NOW);
    const card = before.answers[0].volunteers[0];
    expect(card).toMatchObject({ firstName: "Marta", skills: ["Pierwsza pomoc"], contact: null });
    expect(JSON.stringify(before)).not.toContain(PHONE);
    expect(JSON.stringify(before)).not.toContain("Kowalska");
    // A third partner sees the need but no answers.
    expect((await getNeed(h.db, topMember, id, NOW)).answers).toEqual([]);

    // Only the poster decides: the answering partner is forbidden, a third partner does not see the answer.
    expect(await codeOf(acceptAnswer(h.db, pckMember, { answerId: pckAnswer.id }, NOW))).toBe("forbidden");
    expect(await codeOf(acceptAnswer(h.db, topMember, { answerId: pckAnswer.id }, NOW))).toBe("not_found");

    const accepted = await acceptAnswer(h.db, poster, { answerId: pckAnswer.id, note: "Dziękujemy!" }, NOW);
    expect(accepted.engagements).toHaveLength(1);
    expect(accepted.needStatus).toBe("open"); // one of two
    const [e] = await h.db.select().from(engagements).where(eq(engagements.id, accepted.engagements[0]));
    expect(e).toMatchObject({
      volunteerId: ready.id,
      organisationId: pck.id,
      receivingOrganisationId: razem.id,
      childrenCheckRequired: true,
      title: "Przyjęcie",
    });
    const after = await getNeed(h.db, poster, id, NOW);
    expect(after.answers[0].volunteers[0].contact).toMatchObject({ lastName: "Kowalska", phone: PHONE });
    // After the engagement ended, the contact is gone again.
    expect(JSON.stringify(await getNeed(h.db, poster, id, later(30)))).not.toContain(PHONE);
    expect((await noticesTo(pck.id, "answer_accepted")).length).toBeGreaterThan(0);
    expect(await codeOf(acceptAnswer(h.db, poster, { answerId: pckAnswer.id }, NOW))).toBe("invalid_state");

    // Caritas fills the second place: the need is filled, and no longer on the board.
    const caritasAnswer = await answerNeed(
      h.db,
      caritasMember,
      { needId: id, volunteerIds: [caritasVolunteer.id] },
      NOW,
    );
    const filled = await acceptAnswer(h.db, poster, { answerId: caritasAnswer.id }, NOW);
    expect(filled.needStatus).toBe("filled");
    const board = await listNeeds(h.db, topMember, {}, NOW);
    expect(board.needs.map((n) => n.id)).not.toContain(id);
    const mine = await listNeeds(h.db, poster, { show: "mine" }, NOW);
    expect(mine.needs.find((n) => n.id === id)).toMatchObject({ status: "filled", accepted: 2, volunteersNeeded: 2 });
  });

  it("once filled, answers still waiting are declined and told; the poster can decline with a reason", async () => {
    const { id } = await postNeed(h.db, poster, workshop({ title: "Jedno miejsce", date: "2027-05-21" }), NOW);
    const a = await answerNeed(h.db, pckMember, { needId: id, volunteerIds: [ready.id] }, NOW);
    const b = await answerNeed(h.db, caritasMember, { needId: id, volunteerIds: [caritasVolunteer.id] }, NOW);
    await acceptAnswer(h.db, poster, { answerId: a.id }, NOW);
    const [waiting] = await h.db.select().from(needAnswers).where(eq(needAnswers.id, b.id));
    expect(waiting.status).toBe("declined");
    expect((await noticesTo(caritas.id, "answer_declined")).length).toBeGreaterThan(0);

    const other = await postNeed(h.db, poster, workshop({ title: "Odmowa", date: "2027-05-22" }), NOW);
    const c = await answerNeed(h.db, caritasMember, { needId: other.id, volunteerIds: [caritasVolunteer.id] }, NOW);
    expect(await codeOf(declineAnswer(h.db, pckMember, { answerId: c.id }, NOW))).toBe("not_found");
    await declineAnswer(h.db, poster, { answerId: c.id, note: "Mamy już kogoś" }, NOW);
    const [declined] = await h.db.select().from(needAnswers).where(eq(needAnswers.id, c.id));
    expect(declined).toMatchObject({ status: "declined", decisionNote: "Mamy już kogoś" });
    // A declined partner may answer again (one live answer at a time), and withdraw.
    const again = await answerNeed(h.db, caritasMember, { needId: other.id, volunteerIds: [caritasVolunteer.id] }, NOW);
    expect(await codeOf(withdrawAnswer(h.db, pckMember, { answerId: again.id }, NOW))).toBe("not_found");
    expect((await withdrawAnswer(h.db, caritasMember, { answerId: again.id }, NOW)).status).toBe("withdrawn");
  });

  it("cancelling a need cancels its engagements and tells the partners that answered", async () => {
    const { id } = await postNeed(h.db, poster, workshop({ title: "Odwołana", date: "2027-05-24" }), NOW);
    const a = await answerNeed(h.db, pckMember, { needId: id, volunteerIds: [ready.id] }, NOW);
    await acceptAnswer(h.db, poster, { answerId: a.id }, NOW);
    expect(await codeOf(cancelNeed(h.db, pckMember, { needId: id }, NOW))).toBe("not_found");
    const before = (await noticesTo(pck.id, "need_cancelled")).length;
    const done = await cancelNeed(h.db, poster, { needId: id, note: "Odwołano wycieczkę" }, NOW);
    expect(done).toMatchObject({ status: "cancelled", told: 1 });
    const rows = await h.db.select().from(engagements).where(eq(engagements.needAnswerId, a.id));
    expect(rows.map((r) => r.status)).toEqual(["cancelled"]);
    expect((await noticesTo(pck.id, "need_cancelled")).length).toBeGreaterThan(before);
    // The volunteer is free again at that time.
    const again = await postNeed(h.db, poster, workshop({ title: "Nowy termin", date: "2027-05-24" }), NOW);
    const b = await answerNeed(h.db, pckMember, { needId: again.id, volunteerIds: [ready.id] }, NOW);
    expect((await acceptAnswer(h.db, poster, { answerId: b.id }, NOW)).engagements).toHaveLength(1);
  });

  it("the sweep closes past needs once; a need posted after its start stays open 7 days for the answers", async () => {
    const ahead = await postNeed(
      h.db,
      poster,
      workshop({ title: "Przeszła", date: "2027-05-04", skills: "Rzadka", certifiedSkills: "" }),
      NOW,
    );
    // Posted on 3 May 12:00 for work done that morning (arranged by phone).
    const postedAt = new Date("2027-05-03T10:00:00Z");
    const retro = await postNeed(
      h.db,
      poster,
      workshop({
        title: "Po fakcie",
        date: "2027-05-03",
        from: "08:00",
        to: "11:00",
        skills: "Rzadka",
        certifiedSkills: "",
        childrenCheckRequired: "",
      }),
      postedAt,
    );
    const dayAfter = new Date("2027-05-05T12:00:00Z");
    const first = await sweepNeeds(h.db, dayAfter);
    expect(first.closed).toBeGreaterThanOrEqual(1);
    expect((await sweepNeeds(h.db, dayAfter)).closed).toBe(0);
    const status = async (id: string) => (await h.db.select().from(needs).where(eq(needs.id, id)))[0].status;
    expect(await status(ahead.id)).toBe("closed");
    expect(await status(retro.id)).toBe("open");
    // Still answerable and acceptable within the week: the volunteer's organisation can then record the hours.
    const answer = await answerNeed(
      h.db,
      caritasMember,
      { needId: retro.id, volunteerIds: [caritasVolunteer.id] },
      dayAfter,
    );
    await acceptAnswer(h.db, poster, { answerId: answer.id }, dayAfter);
    expect(await status(retro.id)).toBe("filled");
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ahead.id), eq(auditLog.action, "need.close")));
    expect(audit).toHaveLength(1);
    // Past the week, a retrospective need that nobody filled closes too.
    const unanswered = await postNeed(
      h.db,
      poster,
      workshop({
        title: "Bez odpowiedzi",
        date: "2027-05-03",
        from: "08:00",
        to: "09:00",
        skills: "Rzadka",
        certifiedSkills: "",
      }),
      postedAt,
    );
    await sweepNeeds(h.db, new Date(postedAt.getTime() + 7 * DAY - 1000));
    expect(await status(unanswered.id)).toBe("open");
    await sweepNeeds(h.db, new Date(postedAt.getTime() + 7 * DAY));
    expect(await status(unanswered.id)).toBe("closed");
    expect(
      await codeOf(
        answerNeed(h.db, caritasMember, { needId: unanswered.id, volunteerIds: [caritasVolunteer.id] }, later(8)),
      ),
    ).toBe("invalid_state");
  });

  it("the board filters by skill and says where our volunteers match; a member of any partner may read it", async () => {
    const { id } = await postNeed(
      h.db,
      poster,
      workshop({
        title: "Kuchnia polowa",
        date: "2027-06-01",
        skills: "Gotowanie",
        certifiedSkills: "",
        childrenCheckRequired: "",
      }),
      NOW,
    );
    const forCaritas = await listNeeds(h.db, caritasMember, {}, NOW);
    const row = forCaritas.needs.find((n) => n.id === id);
    expect(row).toMatchObject({ matchesUs: true, mine: false, organisationName: "Stowarzyszenie Razem" });
    expect((await listNeeds(h.db, pckMember, {}, NOW)).needs.find((n) => n.id === id)?.matchesUs).toBe(false);
    const page = await getNeed(h.db, caritasMember, id, NOW);
    expect(page.need.title).toBe("Kuchnia polowa");
    const cooking = page.requirement.skills[0].skillId;
    const filtered = await listNeeds(h.db, topMember, { skill: cooking }, NOW);
    expect(filtered.needs.map((n) => n.id)).toEqual([id]);
    expect(await codeOf(getNeed(h.db, topMember, "00000000-0000-4000-8000-000000000000", NOW))).toBe("not_found");
  });

  it("the audit log holds ids and figures, never a volunteer's personal data", async () => {
    const rows = await h.db.select({ before: auditLog.before, after: auditLog.after }).from(auditLog);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain("Kowalska");
    expect(text).not.toContain("Marta");
  });
});
