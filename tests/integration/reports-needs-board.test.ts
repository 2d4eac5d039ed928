import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exchangeRoute from "@/app/api/v1/reports/exchange/route";
import * as inKindRoute from "@/app/api/v1/reports/in-kind/route";
import { provideDatabase } from "@/db/client";
import type { DatabaseHandle } from "@/db/connect";
import type { organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { cancelEngagement } from "@/lib/engagements/cancel-engagement";
import { confirmHours, disputeHours } from "@/lib/engagements/decide-hours";
import { recordHours } from "@/lib/engagements/record-hours";
import { translator } from "@/lib/i18n/translate";
import { answerNeed } from "@/lib/needs/answer-need";
import { acceptAnswer } from "@/lib/needs/decide-answer";
import { postNeed } from "@/lib/needs/post-need";
import { addRateCard } from "@/lib/reports/add-rate-card";
import { exportReport } from "@/lib/reports/export-report";
import { getExchange } from "@/lib/reports/get-exchange";
import { getInKind } from "@/lib/reports/get-in-kind";
import { getUtilisation } from "@/lib/reports/get-utilisation";
import { apiMember, call } from "../helpers/api";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createMember, createOrganisation, createResource, createVolunteer } from "../helpers/factories";

/**
 * Volunteer work arranged through the needs board, through the real use-cases (post, answer, accept, record,
 * confirm), in the in-kind and exchange reports: confirmed hours × the simple volunteer-hour rate valid on the local
 * day the work started; recorded, disputed and cancelled work does not count.
 */
let h: DatabaseHandle;
type Org = typeof organisations.$inferSelect;
let razem: Org; // posts needs
let pck: Org; // its volunteers answer Razem's needs
let caritas: Org; // answers TOP's need (and one of Razem's, disputed)
let top: Org; // posts one need
let coordinator: Actor;
let adminPck: Actor;
let adminRazem: Actor;

/** Posted, answered and accepted on 3 May 2027 (the needs on 1 May are retrospective); hours recorded in June. */
const POSTED = new Date("2027-05-03T08:00:00Z");
const AFTER = new Date("2027-06-10T10:00:00Z");

beforeAll(async () => {
  h = await createTestDatabase();
  provideDatabase(h);
  const leader = await createOrganisation(h.db, { name: "MOPS testowy", isLeader: true });
  razem = await createOrganisation(h.db, { name: "Razem" });
  pck = await createOrganisation(h.db, { name: "PCK" });
  caritas = await createOrganisation(h.db, { name: "Caritas" });
  top = await createOrganisation(h.db, { name: "TOP" });
  coordinator = (await createMember(h.db, leader.id, "member", { coordinator: true })).actor;
  adminRazem = (await createMember(h.db, razem.id, "admin")).actor;
  adminPck = (await createMember(h.db, pck.id, "admin")).actor;
  const adminCaritas = (await createMember(h.db, caritas.id, "admin")).actor;
  const adminTop = (await createMember(h.db, top.id, "admin")).actor;

  const rate = (scope: string, amount: string, validFrom: string, source: string) =>
    addRateCard(h.db, coordinator, { scope, amount, validFrom, source });
  await rate("category:volunteer_hour_simple", "30,00", "2027-01-01", "Płaca minimalna 2027");
  await rate("category:volunteer_hour_simple", "35,00", "2027-05-15", "Uchwała 5/2027"); // changes mid-May
  await rate("category:volunteer_hour_specialist", "80,00", "2027-01-01", "Stawka rynkowa"); // not for the board

  const skill = { skills: ["Pomoc przy wydarzeniach"] };
  const marta = await createVolunteer(h.db, pck.id, { firstName: "Marta", ...skill });
  const piotr = await createVolunteer(h.db, pck.id, { firstName: "Piotr", ...skill });
  const jan = await createVolunteer(h.db, caritas.id, { firstName: "Jan", ...skill });

  /** Posts a need, answers it with the volunteers, accepts: the engagements' ids. */
  async function arranged(
    poster: Actor,
    answerer: Actor,
    title: string,
    date: string,
    from: string,
    to: string,
    volunteerIds: string[],
  ) {
    const need = await postNeed(
      h.db,
      poster,
      {
        title,
        date,
        from,
        to,
        volunteersNeeded: String(volunteerIds.length),
        skills: "Pomoc przy wydarzeniach",
        certifiedSkills: "",
      },
      POSTED,
    );
    const answer = await answerNeed(h.db, answerer, { needId: need.id, volunteerIds }, POSTED);
    return (await acceptAnswer(h.db, poster, { answerId: answer.id }, POSTED)).engagements;
  }
  /** PCK records the hours of its volunteer's engagement after the work. */
  const confirmed = (engagementId: string, hours: string) =>
    recordHours(h.db, adminPck, { engagementId, hours }, AFTER);

  // PCK for Razem, 10 May 10:00–13:00: Marta 3 h, Piotr 2.5 h, both confirmed → 5.5 h × 30 zł.
  const [a1, a2] = await arranged(adminRazem, adminPck, "Festyn rodzinny", "2027-05-10", "10:00", "13:00", [
    marta.id,
    piotr.id,
  ]);
  await confirmed(a1, "3");
  await confirmed(a2, "2,5");
  await confirmHours(h.db, adminRazem, { engagementId: a1 }, AFTER);
  await confirmHours(h.db, adminRazem, { engagementId: a2 }, AFTER);
  // 20 May, after the rate changed: Marta 2 h → 2 × 35 zł.
  const [b] = await arranged(adminRazem, adminPck, "Zbiórka żywności", "2027-05-20", "10:00", "12:00", [marta.id]);
  await confirmed(b, "2");
  await confirmHours(h.db, adminRazem, { engagementId: b }, AFTER);
  // 1 May 00:30–02:00 in Warsaw is still 30 April in UTC: counted in May. 1.5 h × 30 zł.
  const [edge] = await arranged(adminRazem, adminPck, "Noc muzeów", "2027-05-01", "00:30", "02:00", [marta.id]);
  await confirmed(edge, "1,5");
  await confirmHours(h.db, adminRazem, { engagementId: edge }, AFTER);
  // Not counted: hours recorded but not confirmed, disputed hours, a cancelled engagement.
  const [waiting] = await arranged(adminRazem, adminPck, "Czeka", "2027-05-12", "10:00", "12:00", [marta.id]);
  await recordHours(h.db, adminPck, { engagementId: waiting, hours: "2" }, AFTER);
  const [disputed] = await arranged(adminRazem, adminCaritas, "Spór", "2027-05-13", "10:00", "12:00", [jan.id]);
  await recordHours(h.db, adminCaritas, { engagementId: disputed, hours: "2" }, AFTER);
  await disputeHours(h.db, adminRazem, { engagementId: disputed, note: "Była godzina" }, AFTER);
  const [cancelled] = await arranged(adminRazem, adminPck, "Odwołana", "2027-05-14", "10:00", "12:00", [piotr.id]);
  await cancelEngagement(h.db, adminPck, { engagementId: cancelled }, POSTED);
  // Another pair: Caritas for TOP, 11 May, 4 h × 30 zł.
  const [f] = await arranged(adminTop, adminCaritas, "Turniej", "2027-05-11", "09:00", "13:00", [jan.id]);
  await recordHours(h.db, adminCaritas, { engagementId: f, hours: "4" }, AFTER);
  await confirmHours(h.db, adminTop, { engagementId: f }, AFTER);
  // June, outside May: PCK for Razem 1 h × 35 zł.
  const [june] = await arranged(adminRazem, adminPck, "Czerwiec", "2027-06-02", "10:00", "11:00", [piotr.id]);
  await confirmed(june, "1");
  await confirmHours(h.db, adminRazem, { engagementId: june }, AFTER);
});
afterAll(async () => {
  await h?.close();
});

const may = { from: "2027-05-01", to: "2027-05-31" };

describe(`needs-board hours in the in-kind report (${testDriver})`, () => {
  it("values confirmed hours at the simple rate valid on the day the work started, in lines of their own", async () => {
    const r = await getInKind(h.db, coordinator, may);
    // PCK: (3 + 2.5 + 1.5) × 30 + 2 × 35 = 280; Caritas: 4 × 30 = 120.
    expect(r.needsBoard.totals).toEqual({ engagements: 5, hours: 13, value: 400, unvalued: 0 });
    expect(r.needsBoard.lines).toEqual([
      {
        lender: { slug: caritas.slug, name: "Caritas" },
        category: "volunteer_hour_simple",
        unit: "volunteer_hour",
        quantity: 4,
        rate: 30,
        value: 120,
        engagements: 1,
        source: "Płaca minimalna 2027",
        validFrom: "2027-01-01",
      },
      expect.objectContaining({ lender: { slug: pck.slug, name: "PCK" }, quantity: 7, rate: 30, value: 210 }),
      expect.objectContaining({
        lender: { slug: pck.slug, name: "PCK" },
        quantity: 2,
        rate: 35,
        value: 70,
        engagements: 1,
        source: "Uchwała 5/2027",
        validFrom: "2027-05-15",
      }),
    ]);
    expect(r.needsBoard.unvalued).toEqual([]);
    // In the wkład osobowy and the sum; no resource, so no resource line and no booking.
    expect(r.totals).toMatchObject({
      bookings: 0,
      volunteerHours: 13,
      goodsValue: 0,
      personalValue: 400,
      value: 400,
      unvalued: 0,
    });
    expect(r.lines).toEqual([]);
    expect(r.rows.map((x) => [x.key, x.personalValue, x.volunteerHours])).toEqual([
      [pck.slug, 280, 9],
      [caritas.slug, 120, 4],
    ]);
    const byPurpose = await getInKind(h.db, coordinator, { ...may, groupBy: "purpose" });
    expect(Object.fromEntries(byPurpose.rows.map((x) => [x.key, x.value]))).toEqual({
      "festyn rodzinny": 165,
      "zbiórka żywności": 70,
      "noc muzeów": 45,
      turniej: 120,
    });
  });

  it("counts work in the period of its local start day, and the June work in June only", async () => {
    const april = await getInKind(h.db, coordinator, { from: "2027-04-01", to: "2027-04-30" });
    expect(april.needsBoard.totals.engagements).toBe(0);
    const fromSecond = await getInKind(h.db, coordinator, { from: "2027-05-02", to: "2027-05-31" });
    expect(fromSecond.totals.value).toBe(355); // without the night of 1 May
    const june = await getInKind(h.db, coordinator, { from: "2027-06-01", to: "2027-06-30" });
    expect(june.needsBoard.totals).toEqual({ engagements: 1, hours: 1, value: 35, unvalued: 0 });
  });

  it("an admin sees only the work its organisation gave or received; the coordinator can focus on one", async () => {
    const asPck = await getInKind(h.db, adminPck, may);
    expect(asPck.totals.value).toBe(280);
    expect(asPck.needsBoard.lines.every((l) => l.lender.slug === pck.slug)).toBe(true);
    const asRazem = await getInKind(h.db, adminRazem, may);
    expect(asRazem.needsBoard.totals).toMatchObject({ engagements: 4, value: 280 });
    const onCaritas = await getInKind(h.db, coordinator, { ...may, organisation: caritas.slug });
    expect(onCaritas.needsBoard.totals).toEqual({ engagements: 1, hours: 4, value: 120, unvalued: 0 });
    const onTop = await getInKind(h.db, coordinator, { ...may, organisation: top.slug });
    expect(onTop.rows.map((x) => [x.key, x.value])).toEqual([[caritas.slug, 120]]);
  });

  it("work with no simple rate valid on its day is listed apart, not valued at zero", async () => {
    const april = new Date("2027-04-20T08:00:00Z");
    const lonely = await createOrganisation(h.db, { name: "Bez stawki" });
    const poster = (await createMember(h.db, lonely.id, "admin")).actor;
    const giver = await createOrganisation(h.db, { name: "Dawca" });
    const giverAdmin = (await createMember(h.db, giver.id, "admin")).actor;
    const v = await createVolunteer(h.db, giver.id, { skills: ["Sprzątanie"] });
    // Before any rate: 2026.
    const posted = new Date("2026-11-03T08:00:00Z");
    const need = await postNeed(
      h.db,
      poster,
      {
        title: "Sprzątanie",
        date: "2026-11-02",
        from: "10:00",
        to: "12:00",
        volunteersNeeded: "1",
        skills: "Sprzątanie",
      },
      posted,
    );
    const answer = await answerNeed(h.db, giverAdmin, { needId: need.id, volunteerIds: [v.id] }, posted);
    const [e] = (await acceptAnswer(h.db, poster, { answerId: answer.id }, posted)).engagements;
    await recordHours(h.db, giverAdmin, { engagementId: e, hours: "2" }, april);
    await confirmHours(h.db, poster, { engagementId: e }, april);
    const r = await getInKind(h.db, coordinator, { from: "2026-11-01", to: "2026-11-30" });
    expect(r.needsBoard.totals).toEqual({ engagements: 1, hours: 2, value: 0, unvalued: 1 });
    expect(r.needsBoard.lines).toEqual([]);
    expect(r.needsBoard.unvalued).toEqual([{ lender: { slug: giver.slug, name: "Dawca" }, engagements: 1 }]);
    expect(r.totals).toMatchObject({ volunteerHours: 2, value: 0, unvalued: 0 });
  });

  it("CSV and PDF: the grant table has a 'Pomoc z tablicy potrzeb' line per giving organisation and rate", async () => {
    const t = translator("pl") as unknown as (key: string, values?: Record<string, string | number>) => string;
    const csv = await exportReport(
      h.db,
      coordinator,
      { ...may, report: "in-kind-lines", format: "csv" },
      { locale: "pl", t },
    );
    const lines = String(csv.body).slice(1).trimEnd().split("\r\n");
    expect(lines).toContain(
      "1;Caritas;osobowy (praca wolontariuszy);Pomoc z tablicy potrzeb;4;godz. pracy wolontariusza;30,00;120,00;Płaca minimalna 2027, od 1 stycznia 2027",
    );
    expect(lines).toContain(
      "3;PCK;osobowy (praca wolontariuszy);Pomoc z tablicy potrzeb;2;godz. pracy wolontariusza;35,00;70,00;Uchwała 5/2027, od 15 maja 2027",
    );
    expect(lines.at(-1)).toBe(";Razem;;;;;;400,00;");
    const summary = await exportReport(
      h.db,
      coordinator,
      { ...may, report: "in-kind", format: "csv" },
      { locale: "pl", t },
    );
    expect(String(summary.body)).toContain("Razem;0;0;0;13;0,00;400,00;400,00;0");
    const exchange = await exportReport(
      h.db,
      coordinator,
      { ...may, report: "exchange", format: "csv" },
      { locale: "pl", t },
    );
    const header = String(exchange.body).slice(1).split("\r\n")[0];
    expect(header).toContain("Pomoc z tablicy potrzeb – udzielona, godziny");
    const pdf = await exportReport(h.db, coordinator, { ...may, report: "all", format: "pdf" }, { locale: "pl", t });
    expect(
      Buffer.from(pdf.body as Uint8Array)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });
});

describe(`needs-board hours in the exchange (${testDriver})`, () => {
  it("the volunteer's organisation gives, the need's poster takes", async () => {
    const r = await getExchange(h.db, coordinator, may);
    const org = Object.fromEntries(r.organisations.map((o) => [o.slug, o]));
    expect(org[pck.slug]).toMatchObject({
      lentBookings: 0,
      lentHours: 9,
      lentValue: 280,
      lentEngagements: 4,
      lentNeedsBoardHours: 9,
      lentNeedsBoardValue: 280,
      borrowedValue: 0,
      balance: 280,
      role: "gives",
    });
    expect(org[razem.slug]).toMatchObject({
      borrowedHours: 9,
      borrowedValue: 280,
      borrowedEngagements: 4,
      borrowedNeedsBoardHours: 9,
      balance: -280,
      role: "takes",
    });
    expect(org[caritas.slug]).toMatchObject({ lentValue: 120, lentEngagements: 1, role: "gives" });
    expect(org[top.slug]).toMatchObject({ borrowedValue: 120, role: "takes" });
    expect(r.matrix).toEqual([
      { lender: caritas.slug, borrower: top.slug, bookings: 0, hours: 4, value: 120 },
      { lender: pck.slug, borrower: razem.slug, bookings: 0, hours: 9, value: 280 },
    ]);
    expect(r.needsBoard).toEqual([
      { lender: caritas.slug, borrower: top.slug, engagements: 1, hours: 4, value: 120 },
      { lender: pck.slug, borrower: razem.slug, engagements: 4, hours: 9, value: 280 },
    ]);
    expect(r.totals).toEqual({
      bookings: 0,
      hours: 13,
      value: 400,
      engagements: 5,
      needsBoardHours: 13,
      needsBoardValue: 400,
    });
    expect(r.onlyGive.sort()).toEqual([caritas.slug, pck.slug].sort());
    expect(r.onlyTake.sort()).toEqual([razem.slug, top.slug].sort());
  });

  it("an admin sees only its part; another pair's work stays out", async () => {
    const r = await getExchange(h.db, adminRazem, may);
    expect(r.matrix).toEqual([{ lender: pck.slug, borrower: razem.slug, bookings: 0, hours: 9, value: 280 }]);
    expect(r.organisations.map((o) => o.slug).sort()).toEqual([pck.slug, razem.slug].sort());
    expect(r.totals.value).toBe(280);
  });
});

describe(`needs-board hours and utilisation (${testDriver})`, () => {
  it("are not resource use: utilisation does not change", async () => {
    await createResource(h.db, pck.id, { name: "Sala PCK" });
    const r = await getUtilisation(h.db, coordinator, { ...may, groupBy: "organisation" });
    expect(r.totals.bookings).toBe(0);
    expect(r.totals.bookedHours).toBe(0);
  });
});

describe(`the reports API keeps its fields and adds the needs board (${testDriver})`, () => {
  it("in-kind and exchange JSON: the old keys as before, plus needsBoard", async () => {
    const { token } = await apiMember(h.db, razem.id, "admin");
    const query = "from=2027-05-01&to=2027-05-31";
    const inKind = await call(inKindRoute.GET, { path: `/api/v1/reports/in-kind?${query}`, token });
    expect(inKind.status).toBe(200);
    expect(Object.keys(inKind.json).sort()).toEqual(
      ["from", "to", "groupBy", "rows", "totals", "lines", "unvalued", "needsBoard"].sort(),
    );
    expect(inKind.json.rows).toEqual([
      {
        key: pck.slug,
        label: "PCK",
        bookings: 0,
        premisesHours: 0,
        equipmentUnitDays: 0,
        volunteerHours: 9,
        goodsValue: 0,
        personalValue: 280,
        value: 280,
        unvalued: 0,
      },
    ]);
    expect(inKind.json.needsBoard.totals).toEqual({ engagements: 4, hours: 9, value: 280, unvalued: 0 });
    const exchange = await call(exchangeRoute.GET, { path: `/api/v1/reports/exchange?${query}`, token });
    expect(exchange.status).toBe(200);
    expect(exchange.json.matrix).toEqual([
      { lender: pck.slug, borrower: razem.slug, bookings: 0, hours: 9, value: 280 },
    ]);
    expect(exchange.json.needsBoard).toEqual([
      { lender: pck.slug, borrower: razem.slug, engagements: 4, hours: 9, value: 280 },
    ]);
  });
});
