import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { DatabaseHandle } from "@/db/connect";
import { auditLog, type organisations, rateCards } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { addRateCard } from "@/lib/reports/add-rate-card";
import { getExchange } from "@/lib/reports/get-exchange";
import { getInKind } from "@/lib/reports/get-in-kind";
import { listRateCards } from "@/lib/reports/list-rate-cards";
import { markSpecialist } from "@/lib/reports/mark-specialist";
import { removeRateCard } from "@/lib/reports/remove-rate-card";
import { createTestDatabase, testDriver } from "../helpers/db";
import { engagementFor } from "../helpers/engagements";
import { createBooking, createMember, createOrganisation, createResource } from "../helpers/factories";

let h: DatabaseHandle;
type Org = typeof organisations.$inferSelect;
let leader: Org;
let lender: Org; // L: lends everything below
let b: Org; // borrows only
let c: Org; // borrows from L, lends to B
let coordinator: Actor;
let adminB: Actor;
let adminL: Actor;
let memberL: Actor;

/** A Warsaw wall-clock time as an instant: `w("2026-03-10 10:00")` (CET in winter, CEST from 29 March). */
const w = (local: string) => {
  const offset = local >= "2026-03-29 03:00" && local < "2026-10-25 03:00" ? "+02:00" : "+01:00";
  return new Date(`${local.replace(" ", "T")}:00${offset}`);
};

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return `${error.code}${error.details.reason ? `:${error.details.reason}` : ""}`;
    if (error instanceof ZodError)
      return `zod:${error.issues.map((i) => `${i.path.join(".")}:${i.message}`).join(",")}`;
    throw error;
  }
}

beforeAll(async () => {
  h = await createTestDatabase();
  leader = await createOrganisation(h.db, { name: "MOPS testowy", isLeader: true });
  lender = await createOrganisation(h.db, { name: "L – użyczający" });
  b = await createOrganisation(h.db, { name: "B – korzystający" });
  c = await createOrganisation(h.db, { name: "C – jedno i drugie" });
  coordinator = (await createMember(h.db, leader.id, "member", { coordinator: true })).actor;
  adminB = (await createMember(h.db, b.id, "admin")).actor;
  adminL = (await createMember(h.db, lender.id, "admin")).actor;
  memberL = (await createMember(h.db, lender.id, "member")).actor;

  const rate = (scope: string, amount: string, validFrom: string, source: string) =>
    addRateCard(h.db, coordinator, { scope, amount, validFrom, source });
  await rate("category:premises_hour", "50,00", "2026-01-01", "Uchwała 1/2026");
  await rate("category:premises_hour", "60", "2026-03-15", "Uchwała 2/2026"); // changes mid-March
  await rate("category:equipment_unit_day", "10,00", "2026-01-01", "Uchwała 1/2026");
  await rate("category:volunteer_hour_simple", "30,00", "2026-01-01", "Płaca minimalna");
  await rate("category:volunteer_hour_specialist", "80,00", "2026-01-01", "Stawka rynkowa");

  const room = await createResource(h.db, lender.id, { name: "Sala" });
  const hall = await createResource(h.db, lender.id, { name: "Hala" });
  await rate(`resource:${hall.id}`, "100", "2026-03-25", "Cennik hali"); // its own rate, from the 25th
  const chairs = await createResource(h.db, lender.id, { name: "Krzesła", kind: "equipment", quantity: 20 });
  const talk = await createResource(h.db, lender.id, { name: "Pogadanka", kind: "expertise" });
  const psych = await createResource(h.db, lender.id, { name: "Psycholog", kind: "expertise" });
  await markSpecialist(h.db, coordinator, { resourceId: psych.id, specialist: true });
  const roomC = await createResource(h.db, c.id, { name: "Świetlica C" });

  const book = (
    resourceId: string,
    organisationId: string,
    start: string,
    end: string,
    purpose: string,
    extra: { quantity?: number; status?: "approved" | "completed" | "pending" | "declined" } = {},
  ) =>
    createBooking(h.db, {
      resourceId,
      organisationId,
      start: w(start),
      end: w(end),
      purpose,
      status: extra.status ?? "completed",
      quantity: extra.quantity ?? 1,
    });
  // Room: 2 h at 50 (before the change), 3 h at 60, 1 h at 60 (00:30 on 15 March is the 14th in UTC, the 15th
  // in Warsaw), and 2 h starting at 23:00 on 31 March (counted in March, whole).
  await book(room.id, b.id, "2026-03-10 10:00", "2026-03-10 12:00", "Festyn rodzinny");
  await book(room.id, b.id, "2026-03-20 10:00", "2026-03-20 13:00", " festyn   Rodzinny ");
  await book(room.id, c.id, "2026-03-15 00:30", "2026-03-15 01:30", "Zebranie");
  await book(room.id, b.id, "2026-03-31 23:00", "2026-04-01 01:00", "");
  // Starts in February: not in March.
  await book(room.id, b.id, "2026-02-28 23:00", "2026-03-01 01:00", "Zebranie");
  // Hall: its own rate holds from the 25th; before that, the category's.
  await book(hall.id, c.id, "2026-03-05 10:00", "2026-03-05 12:00", "Zebranie"); // 2 × 50
  await book(hall.id, b.id, "2026-03-26 10:00", "2026-03-26 12:00", "Festyn rodzinny"); // 2 × 100
  // Chairs: 3 units for 30 hours = 3 × 2 started days; 1 unit for 2 hours = 1 day.
  await book(chairs.id, b.id, "2026-03-10 08:00", "2026-03-11 14:00", "Festyn rodzinny", { quantity: 3 });
  await book(chairs.id, c.id, "2026-03-12 08:00", "2026-03-12 10:00", "Festyn rodzinny", { quantity: 1 });
  // Volunteer hours, confirmed by the receiving side: 2 h simple at 30; 1.5 h specialist at 80 (the session was
  // booked for 2 h, the volunteer worked 1.5).
  const talkUse = await book(talk.id, b.id, "2026-03-12 10:00", "2026-03-12 12:00", "Szkolenie");
  await engagementFor(h.db, talkUse.id, 2, "confirmed");
  const psychUse = await book(psych.id, c.id, "2026-03-13 16:00", "2026-03-13 18:00", "Szkolenie");
  await engagementFor(h.db, psychUse.id, 1.5, "confirmed");
  // Not counted: hours recorded but not confirmed, disputed, not recorded at all, and a request with nobody assigned.
  const waiting = await book(talk.id, b.id, "2026-03-14 10:00", "2026-03-14 12:00", "Szkolenie");
  await engagementFor(h.db, waiting.id, 2, "recorded");
  const disputed = await book(talk.id, c.id, "2026-03-16 10:00", "2026-03-16 12:00", "Szkolenie");
  await engagementFor(h.db, disputed.id, 2, "disputed");
  const unrecorded = await book(talk.id, c.id, "2026-03-17 10:00", "2026-03-17 12:00", "Szkolenie");
  await engagementFor(h.db, unrecorded.id, null, "none");
  await book(psych.id, b.id, "2026-03-21 10:00", "2026-03-21 12:00", "Szkolenie");
  // Not counted: the owner's own use, a pending and a declined request.
  await book(room.id, lender.id, "2026-03-18 10:00", "2026-03-18 12:00", "Własne");
  await book(room.id, b.id, "2026-03-19 10:00", "2026-03-19 12:00", "Prośba", { status: "pending" });
  await book(room.id, b.id, "2026-03-19 14:00", "2026-03-19 16:00", "Odrzucona", { status: "declined" });
  // C lends to B: 2 h at 50.
  await book(roomC.id, b.id, "2026-03-07 10:00", "2026-03-07 12:00", "Festyn rodzinny");
});
afterAll(async () => {
  await h?.close();
});

const march = { from: "2026-03-01", to: "2026-03-31" };

describe(`in-kind contribution on hand-computed fixtures (${testDriver})`, () => {
  it("values each use at the rate valid on its local start date, the resource's own rate first", async () => {
    const r = await getInKind(h.db, coordinator, { ...march, groupBy: "organisation", organisation: lender.slug });
    // Only L lends among the uses L is party to.
    expect(r.rows).toEqual([
      {
        key: lender.slug,
        label: lender.name,
        bookings: 10,
        premisesHours: 12,
        equipmentUnitDays: 7,
        volunteerHours: 3.5,
        goodsValue: 830, // room 100 + 180 + 60 + 120, hall 100 + 200, chairs 60 + 10
        personalValue: 180, // 60 + 120
        value: 1010,
        unvalued: 0,
      },
    ]);
    expect(r.totals.value).toBe(1010);
    const line = (resource: string, rate: number) =>
      r.lines.find((l) => l.resource.name === resource && l.rate === rate);
    expect(line("Sala", 50)).toMatchObject({ quantity: 2, value: 100, unit: "hour", source: "Uchwała 1/2026" });
    expect(line("Sala", 60)).toMatchObject({ quantity: 6, value: 360, validFrom: "2026-03-15", bookings: 3 });
    expect(line("Hala", 50)).toMatchObject({ quantity: 2, value: 100 });
    expect(line("Hala", 100)).toMatchObject({ quantity: 2, value: 200, source: "Cennik hali" });
    expect(line("Krzesła", 10)).toMatchObject({ quantity: 7, value: 70, unit: "unit_day" });
    expect(line("Pogadanka", 30)).toMatchObject({ quantity: 2, value: 60, unit: "volunteer_hour" });
    expect(line("Psycholog", 80)).toMatchObject({ quantity: 1.5, value: 120, source: "Stawka rynkowa" });
    expect(r.lines.reduce((s, l) => s + l.value, 0)).toBe(1010);
    expect(r.unvalued).toEqual([]);
  });

  it("groups by purpose (spelling and spacing aside) and by month", async () => {
    const byPurpose = await getInKind(h.db, coordinator, { ...march, groupBy: "purpose", organisation: lender.slug });
    const value = Object.fromEntries(byPurpose.rows.map((x) => [x.key, x.value]));
    expect(value).toEqual({ "festyn rodzinny": 550, zebranie: 160, szkolenie: 180, "": 120 });
    const byMonth = await getInKind(h.db, coordinator, {
      from: "2026-02-01",
      to: "2026-03-31",
      groupBy: "month",
      organisation: lender.slug,
    });
    expect(byMonth.rows.map((x) => [x.key, x.value])).toEqual([
      ["2026-03", 1010],
      ["2026-02", 100],
    ]);
  });

  it("the coordinator sees every lender; an admin only uses its organisation is party to", async () => {
    const all = await getInKind(h.db, coordinator, march);
    expect(all.rows.map((x) => [x.key, x.value])).toEqual([
      [lender.slug, 1010],
      [c.slug, 100],
    ]);
    const asB = await getInKind(h.db, adminB, march);
    // B borrowed from L: 100 + 180 + 120 (room) + 200 (hall) + 60 (chairs) + 60 (talk); from C: 100.
    expect(asB.rows.map((x) => [x.key, x.value])).toEqual([
      [lender.slug, 720],
      [c.slug, 100],
    ]);
    const asL = await getInKind(h.db, adminL, march);
    expect(asL.totals.value).toBe(1010);
    expect(await outcome(getInKind(h.db, memberL, march))).toBe("forbidden");
    expect(await outcome(getInKind(h.db, adminB, { ...march, organisation: lender.slug }))).toBe("forbidden");
    expect(await outcome(getInKind(h.db, null, march))).toBe("unauthenticated");
    expect(await outcome(getInKind(h.db, coordinator, { ...march, groupBy: "colour" }))).toBe("zod:groupBy:invalid");
  });

  it("uses with no rate valid on their date are listed apart, not valued at zero", async () => {
    const org = await createOrganisation(h.db, { name: "Przed stawkami" });
    const room = await createResource(h.db, org.id, { name: "Sala sprzed stawek" });
    await createBooking(h.db, {
      resourceId: room.id,
      organisationId: b.id,
      start: w("2025-12-10 10:00"),
      end: w("2025-12-10 12:00"),
    });
    const r = await getInKind(h.db, coordinator, { from: "2025-12-01", to: "2025-12-31" });
    expect(r.totals).toMatchObject({ bookings: 1, value: 0, unvalued: 1, premisesHours: 2 });
    expect(r.lines).toEqual([]);
    expect(r.unvalued).toEqual([
      {
        resource: { id: room.id, name: "Sala sprzed stawek", kind: "premises" },
        lender: expect.any(Object),
        bookings: 1,
      },
    ]);
  });

  it("on the 25-hour day premises count 25 hours and equipment two started 24-hour days", async () => {
    const org = await createOrganisation(h.db, { name: "Jesień" });
    const room = await createResource(h.db, org.id, { name: "Sala jesienna" });
    const tent = await createResource(h.db, org.id, { name: "Namiot", kind: "equipment" });
    const day = { start: w("2026-10-25 00:00"), end: w("2026-10-26 00:00") };
    await createBooking(h.db, { resourceId: room.id, organisationId: b.id, ...day });
    await createBooking(h.db, { resourceId: tent.id, organisationId: b.id, ...day });
    const r = await getInKind(h.db, coordinator, { from: "2026-10-25", to: "2026-10-25", organisation: org.slug });
    expect(r.totals).toMatchObject({ premisesHours: 25, equipmentUnitDays: 2, value: 25 * 60 + 2 * 10 });
  });
});

describe(`exchange between partners (${testDriver})`, () => {
  it("per organisation, who lent to whom, and who only gives or only takes", async () => {
    const r = await getExchange(h.db, coordinator, march);
    const org = Object.fromEntries(r.organisations.map((o) => [o.slug, o]));
    expect(org[lender.slug]).toMatchObject({
      lentBookings: 10,
      lentValue: 1010,
      borrowedBookings: 0,
      borrowedValue: 0,
      balance: 1010,
      role: "gives",
    });
    expect(org[lender.slug].lentHours).toBe(2 + 3 + 1 + 2 + 2 + 2 + 30 + 2 + 2 + 1.5);
    expect(org[b.slug]).toMatchObject({ lentBookings: 0, borrowedBookings: 7, borrowedValue: 820, role: "takes" });
    expect(org[c.slug]).toMatchObject({ lentValue: 100, borrowedValue: 290, balance: -190, role: "both" });
    // The leading organisation took part in nothing.
    expect(org[leader.slug]).toMatchObject({ lentBookings: 0, borrowedBookings: 0, role: "none" });
    expect(r.matrix).toEqual(
      expect.arrayContaining([
        { lender: lender.slug, borrower: b.slug, bookings: 6, hours: 2 + 3 + 2 + 2 + 30 + 2, value: 720 },
        { lender: lender.slug, borrower: c.slug, bookings: 4, hours: 1 + 2 + 2 + 1.5, value: 290 },
        { lender: c.slug, borrower: b.slug, bookings: 1, hours: 2, value: 100 },
      ]),
    );
    expect(r.onlyGive).toContain(lender.slug);
    expect(r.onlyTake).toContain(b.slug);
    expect(r.onlyGive).not.toContain(c.slug);
    expect(r.totals).toMatchObject({ bookings: 11, value: 1110 });
  });

  it("an admin sees only the exchange its organisation is party to", async () => {
    const r = await getExchange(h.db, adminB, march);
    expect(r.matrix.every((cell) => cell.lender === b.slug || cell.borrower === b.slug)).toBe(true);
    expect(r.matrix).toHaveLength(2);
    const org = Object.fromEntries(r.organisations.map((o) => [o.slug, o]));
    expect(Object.keys(org).sort()).toEqual([b.slug, c.slug, lender.slug].sort());
    expect(org[b.slug].role).toBe("takes");
    // C's own exchange with L is not B's business: C appears with its part with B only, and no role.
    expect(org[c.slug]).toMatchObject({ lentValue: 100, borrowedValue: 0, role: null });
    expect(r.onlyTake).toEqual([b.slug]);
    expect(await outcome(getExchange(h.db, memberL, march))).toBe("forbidden");
  });
});

describe(`rate cards (${testDriver})`, () => {
  it("only the coordinator adds, removes and marks specialist work; every change is audited", async () => {
    const input = { scope: "category:premises_hour", amount: "70", validFrom: "2026-12-01", source: "Uchwała 3/2026" };
    expect(await outcome(addRateCard(h.db, adminL, input))).toBe("forbidden");
    expect(await outcome(addRateCard(h.db, memberL, input))).toBe("forbidden");
    expect(await outcome(addRateCard(h.db, null, input))).toBe("unauthenticated");
    const row = await addRateCard(h.db, coordinator, input);
    expect(row).toMatchObject({ amount: "70.00", unit: "hour", validFrom: "2026-12-01", category: "premises_hour" });
    // The same scope and date again: refused, with the field named.
    expect(await outcome(addRateCard(h.db, coordinator, input))).toBe("validation:rate_exists");
    expect(await outcome(removeRateCard(h.db, adminL, { rateCardId: row.id }))).toBe("forbidden");
    await removeRateCard(h.db, coordinator, { rateCardId: row.id });
    expect(await h.db.select().from(rateCards).where(eq(rateCards.id, row.id))).toEqual([]);
    expect(await outcome(removeRateCard(h.db, coordinator, { rateCardId: row.id }))).toBe("not_found");
    expect(await outcome(removeRateCard(h.db, coordinator, { rateCardId: "nope" }))).toBe("not_found");
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["rate_card.create", "rate_card.delete"]);
  });

  it("refuses bad input: unknown scope, amount, date, empty source", async () => {
    const ok = { scope: "category:premises_hour", amount: "10", validFrom: "2027-01-01", source: "x" };
    expect(await outcome(addRateCard(h.db, coordinator, { ...ok, scope: "category:cake" }))).toBe("zod:scope:required");
    expect(await outcome(addRateCard(h.db, coordinator, { ...ok, scope: `resource:${crypto.randomUUID()}` }))).toBe(
      "validation:not_found",
    );
    expect(await outcome(addRateCard(h.db, coordinator, { ...ok, amount: "-5" }))).toBe("zod:amount:invalid_amount");
    expect(await outcome(addRateCard(h.db, coordinator, { ...ok, amount: "1,234" }))).toBe("zod:amount:invalid_amount");
    expect(await outcome(addRateCard(h.db, coordinator, { ...ok, validFrom: "2027-02-30" }))).toBe(
      "zod:validFrom:bad_date",
    );
    expect(await outcome(addRateCard(h.db, coordinator, { ...ok, source: "  " }))).toBe("zod:source:required");
    // A Polish amount with a thousands space and "zł".
    const row = await addRateCard(h.db, coordinator, { ...ok, amount: "1 250,50 zł" });
    expect(row.amount).toBe("1250.50");
    await removeRateCard(h.db, coordinator, { rateCardId: row.id });
  });

  it("a resource's own rate takes the unit of its kind; only expertise can be marked specialist", async () => {
    const chairs = await createResource(h.db, lender.id, { name: "Stoły", kind: "equipment", quantity: 5 });
    const row = await addRateCard(h.db, coordinator, {
      scope: `resource:${chairs.id}`,
      amount: "4",
      validFrom: "2026-01-01",
      source: "Cennik",
    });
    expect(row).toMatchObject({ unit: "unit_day", resourceId: chairs.id, category: null });
    expect(await outcome(markSpecialist(h.db, coordinator, { resourceId: chairs.id, specialist: true }))).toBe(
      "not_found",
    );
    expect(await outcome(markSpecialist(h.db, adminL, { resourceId: chairs.id, specialist: true }))).toBe("forbidden");
  });

  it("lists categories and resources with their history and the rate in force", async () => {
    const view = await listRateCards(h.db, coordinator, new Date("2026-03-20T12:00:00Z"));
    const premises = view.categories.find((x) => x.category === "premises_hour");
    expect(premises?.rates.map((r) => [r.amount, r.validFrom, r.current])).toEqual([
      [60, "2026-03-15", true],
      [50, "2026-01-01", false],
    ]);
    const hall = view.resources.find((x) => x.name === "Hala");
    expect(hall?.rates.map((r) => [r.amount, r.current])).toEqual([[100, false]]);
    expect(view.resources.find((x) => x.name === "Psycholog")?.specialist).toBe(true);
    expect(view.canManage).toBe(true);
    // An admin sees its own organisation's resources, and cannot manage.
    const asB = await listRateCards(h.db, adminB);
    expect(asB.canManage).toBe(false);
    expect(asB.resources).toEqual([]);
    expect(await outcome(listRateCards(h.db, memberL))).toBe("forbidden");
  });
});
