import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { DatabaseHandle } from "@/db/connect";
import type { organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getUtilisation } from "@/lib/reports/get-utilisation";
import { addBlackout, everyDay, setOpeningHours } from "../helpers/api";
import { createTestDatabase, testDriver } from "../helpers/db";
import { engagementFor } from "../helpers/engagements";
import { createBooking, createMember, createOrganisation, createResource } from "../helpers/factories";

/**
 * Hand-computed fixtures. Every resource lives in its own organisation unless said otherwise, and the coordinator
 * asks for that organisation (`organisation: slug`), so each test sees only its own fixture.
 */
let h: DatabaseHandle;
let leader: typeof organisations.$inferSelect;
let coordinator: Actor;

beforeAll(async () => {
  h = await createTestDatabase();
  leader = await createOrganisation(h.db, { name: "MOPS testowy", isLeader: true });
  coordinator = (await createMember(h.db, leader.id, "member", { coordinator: true })).actor;
});
afterAll(async () => {
  await h?.close();
});

/** A Warsaw wall-clock time as an instant: `w("2026-05-05 09:00")`. */
const w = (local: string, offset = "+02:00") => new Date(`${local.replace(" ", "T")}:00${offset}`);

async function fixtureOrg(name: string) {
  const org = await createOrganisation(h.db, { name });
  return org;
}

async function report(org: { slug: string }, from: string, to: string, groupBy = "resource") {
  return getUtilisation(h.db, coordinator, { from, to, groupBy, organisation: org.slug });
}

describe(`utilisation on hand-computed fixtures (${testDriver})`, () => {
  it("opening hours minus blackouts (overlapping blackouts subtract once), approved and completed bookings only", async () => {
    const org = await fixtureOrg("Sala z godzinami");
    const borrower = await fixtureOrg("Pożyczający A");
    const room = await createResource(h.db, org.id, { name: "Sala konferencyjna" });
    // Monday to Friday, 08:00–16:00: 8 hours a day.
    await setOpeningHours(
      h.db,
      room.id,
      ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: "08:00", end: "16:00" })),
    );
    // Wednesday 6 May: closed 10:00–14:00 and 12:00–18:00, i.e. 10:00–16:00 of its opening hours (6 h, not 4 + 4).
    await addBlackout(h.db, room.id, w("2026-05-06 10:00"), w("2026-05-06 14:00"));
    await addBlackout(h.db, room.id, w("2026-05-06 12:00"), w("2026-05-06 18:00"));
    const book = (
      start: string,
      end: string,
      status: "approved" | "completed" | "pending" | "declined" | "cancelled",
    ) =>
      createBooking(h.db, { resourceId: room.id, organisationId: borrower.id, start: w(start), end: w(end), status });
    await book("2026-05-05 09:00", "2026-05-05 12:00", "approved"); // 3 h
    await book("2026-05-07 08:00", "2026-05-07 10:00", "completed"); // 2 h
    await book("2026-05-08 08:00", "2026-05-08 16:00", "pending"); // not use
    await book("2026-05-04 08:00", "2026-05-04 16:00", "declined"); // not use
    await book("2026-05-04 08:00", "2026-05-04 12:00", "cancelled"); // not use
    // The week before (27 Apr – 3 May): 40 h open, 4 h booked.
    await book("2026-04-28 08:00", "2026-04-28 12:00", "completed");

    const r = await report(org, "2026-05-04", "2026-05-10");
    expect(r.previous).toEqual({ from: "2026-04-27", to: "2026-05-03" });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      key: room.id,
      label: "Sala konferencyjna",
      kind: "premises",
      units: 1,
      organisation: { slug: org.slug, name: org.name },
      bookings: 2,
      bookedHours: 5,
      availableHours: 34, // 5 × 8 − 6
      bookedUnitHours: 5,
      availableUnitHours: 34,
      utilisation: 0.1471, // 5 / 34
      previousUtilisation: 0.1, // 4 / 40
      change: 0.0471,
    });
    expect(r.totals).toMatchObject({ bookings: 2, bookedHours: 5, availableHours: 34, utilisation: 0.1471 });
  });

  it("counts only the part of a booking inside the period; an always-open resource counts every hour", async () => {
    const org = await fixtureOrg("Zawsze otwarte");
    const borrower = await fixtureOrg("Pożyczający B");
    const pitch = await createResource(h.db, org.id, { name: "Boisko" });
    // June 2026 (CEST): 30 × 24 = 720 h. 22:00 on 31 May – 02:00 on 1 June: 2 h inside; 23:00 on 30 June – 03:00: 1 h.
    await createBooking(h.db, {
      resourceId: pitch.id,
      organisationId: borrower.id,
      start: w("2026-05-31 22:00"),
      end: w("2026-06-01 02:00"),
    });
    await createBooking(h.db, {
      resourceId: pitch.id,
      organisationId: borrower.id,
      start: w("2026-06-30 23:00"),
      end: w("2026-07-01 03:00"),
      status: "completed",
    });
    // Wholly outside: not counted.
    await createBooking(h.db, {
      resourceId: pitch.id,
      organisationId: borrower.id,
      start: w("2026-07-01 10:00"),
      end: w("2026-07-01 12:00"),
    });
    const r = await report(org, "2026-06-01", "2026-06-30");
    expect(r.rows[0]).toMatchObject({ bookings: 2, bookedHours: 3, availableHours: 720, utilisation: 0.0042 });
    // The 30 days before (2–31 May): 720 h, 2 h of the first booking.
    expect(r.previous).toEqual({ from: "2026-05-02", to: "2026-05-31" });
    expect(r.rows[0].previousUtilisation).toBe(0.0028); // 2 / 720
  });

  it("equipment counts unit-hours (booked units × hours ÷ units owned × available hours), within available time", async () => {
    const org = await fixtureOrg("Krzesła");
    const borrower = await fixtureOrg("Pożyczający C");
    const chairs = await createResource(h.db, org.id, { name: "Krzesła", kind: "equipment", quantity: 10 });
    await setOpeningHours(
      h.db,
      chairs.id,
      ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
    );
    // 4 chairs all Monday (32 unit-hours), all 10 on Tuesday morning (40 unit-hours).
    await createBooking(h.db, {
      resourceId: chairs.id,
      organisationId: borrower.id,
      start: w("2026-05-04 09:00"),
      end: w("2026-05-04 17:00"),
      quantity: 4,
    });
    await createBooking(h.db, {
      resourceId: chairs.id,
      organisationId: borrower.id,
      start: w("2026-05-05 09:00"),
      end: w("2026-05-05 13:00"),
      quantity: 10,
    });
    // 2 chairs lent over the weekend, Friday 16:00 – Monday 10:00 (handed over in opening hours): only Friday
    // 16:00–17:00 is available time inside the period, so 2 unit-hours, not 2 × 56.
    await createBooking(h.db, {
      resourceId: chairs.id,
      organisationId: borrower.id,
      start: w("2026-05-08 16:00"),
      end: w("2026-05-11 10:00"),
      quantity: 2,
    });
    const r = await report(org, "2026-05-04", "2026-05-10");
    expect(r.rows[0]).toMatchObject({
      units: 10,
      bookings: 3,
      bookedUnitHours: 74,
      availableUnitHours: 400,
      bookedHours: 7.4, // 74 / 10
      availableHours: 40,
      utilisation: 0.185,
    });
  });

  it("the 25-hour day of 2026-10-25 and the 23-hour day of 2026-03-29 follow the real clock", async () => {
    const org = await fixtureOrg("Zmiana czasu");
    const borrower = await fixtureOrg("Pożyczający D");
    const hall = await createResource(h.db, org.id, { name: "Hala całodobowa" });
    await setOpeningHours(h.db, hall.id, everyDay("00:00", "24:00"));
    const always = await createResource(h.db, org.id, { name: "Plac zawsze otwarty" });
    // Autumn: 00:00 CEST → 24:00 CET is 25 real hours; 01:00 CEST – 04:00 CET is 4 real hours (3 on the wall clock).
    await createBooking(h.db, {
      resourceId: hall.id,
      organisationId: borrower.id,
      start: w("2026-10-25 01:00"),
      end: w("2026-10-25 04:00", "+01:00"),
    });
    const autumn = await report(org, "2026-10-25", "2026-10-25");
    const byName = (rows: typeof autumn.rows) => Object.fromEntries(rows.map((r) => [r.label, r]));
    expect(byName(autumn.rows)["Hala całodobowa"]).toMatchObject({
      availableHours: 25,
      bookedHours: 4,
      utilisation: 0.16,
    });
    expect(byName(autumn.rows)["Plac zawsze otwarty"]).toMatchObject({
      availableHours: 25,
      bookedHours: 0,
      utilisation: 0,
    });

    // Spring: 00:00 CET → 24:00 CEST is 23 real hours; 00:00 CET – 06:00 CEST is 5 real hours.
    await createBooking(h.db, {
      resourceId: always.id,
      organisationId: borrower.id,
      start: w("2026-03-29 00:00", "+01:00"),
      end: w("2026-03-29 06:00"),
    });
    const spring = await report(org, "2026-03-29", "2026-03-29");
    expect(byName(spring.rows)["Hala całodobowa"]).toMatchObject({ availableHours: 23, bookedHours: 0 });
    expect(byName(spring.rows)["Plac zawsze otwarty"]).toMatchObject({
      availableHours: 23,
      bookedHours: 5,
      utilisation: 0.2174, // 5 / 23
    });
    // The previous period of one day is the day before: 24 ordinary hours.
    expect(spring.previous).toEqual({ from: "2026-03-28", to: "2026-03-28" });

    // A whole month with the spring change: 31 × 24 − 1 hours.
    const march = await report(org, "2026-03-01", "2026-03-31");
    expect(byName(march.rows)["Plac zawsze otwarty"].availableHours).toBe(743);
  });

  it("opening hours inside the skipped hour of a spring change give no time, without an error", async () => {
    const org = await fixtureOrg("Luka czasowa");
    const room = await createResource(h.db, org.id, { name: "Sala nocna" });
    // Sunday 29 March: 02:00–03:00 does not exist. A skipped time moves forward by the gap (as in the booking
    // engine), so 02:00–03:00 is empty, 02:30–03:00 would end before it starts (empty, not an error), and 02:30–04:00
    // is 03:30–04:00 CEST: half an hour.
    await setOpeningHours(h.db, room.id, [
      { weekday: 7, start: "02:00", end: "03:00" },
      { weekday: 7, start: "02:30", end: "03:00" },
      { weekday: 7, start: "02:30", end: "04:00" },
    ]);
    const r = await report(org, "2026-03-29", "2026-03-29");
    expect(r.rows[0].availableHours).toBe(0.5);
  });

  it("groups by kind and by owner organisation, with totals over all rows", async () => {
    const a = await fixtureOrg("Grupa A");
    const b = await fixtureOrg("Grupa B");
    const borrower = await fixtureOrg("Pożyczający E");
    const roomA = await createResource(h.db, a.id, { name: "Sala A" });
    const tentsB = await createResource(h.db, b.id, { name: "Namioty B", kind: "equipment", quantity: 2 });
    const talkB = await createResource(h.db, b.id, { name: "Porada B", kind: "expertise" });
    for (const r of [roomA, tentsB, talkB]) await setOpeningHours(h.db, r.id, everyDay("10:00", "20:00"));
    // One day, 10 open hours each.
    await createBooking(h.db, {
      resourceId: roomA.id,
      organisationId: borrower.id,
      start: w("2026-09-01 10:00"),
      end: w("2026-09-01 15:00"),
    }); // 5 h of 10
    await createBooking(h.db, {
      resourceId: tentsB.id,
      organisationId: borrower.id,
      start: w("2026-09-01 10:00"),
      end: w("2026-09-01 20:00"),
      quantity: 1,
    }); // 10 unit-hours of 20 → 5 h of 10
    const talk = await createBooking(h.db, {
      resourceId: talkB.id,
      organisationId: borrower.id,
      start: w("2026-09-01 12:00"),
      end: w("2026-09-01 14:00"),
    });
    await engagementFor(h.db, talk.id, 2, "confirmed"); // 2 confirmed volunteer hours of 10
    // Expertise counts confirmed hours only: a request whose hours wait for confirmation is not use yet.
    const unconfirmed = await createBooking(h.db, {
      resourceId: talkB.id,
      organisationId: borrower.id,
      start: w("2026-09-01 15:00"),
      end: w("2026-09-01 17:00"),
    });
    await engagementFor(h.db, unconfirmed.id, 2, "recorded");

    const all = async (groupBy: string) =>
      getUtilisation(h.db, coordinator, { from: "2026-09-01", to: "2026-09-01", groupBy });
    const kinds = await all("kind");
    const ours = (rows: { key: string }[], keys: string[]) => rows.filter((r) => keys.includes(r.key));
    expect(kinds.rows.map((r) => r.key).sort()).toEqual(expect.arrayContaining(["equipment", "expertise", "premises"]));
    const byOrg = await all("organisation");
    expect(ours(byOrg.rows, [a.slug, b.slug])).toEqual([
      expect.objectContaining({
        key: a.slug,
        label: a.name,
        bookings: 1,
        bookedHours: 5,
        availableHours: 10,
        utilisation: 0.5,
      }),
      expect.objectContaining({
        key: b.slug,
        label: b.name,
        bookings: 2,
        bookedHours: 7,
        availableHours: 20,
        utilisation: 0.35,
      }),
    ]);
    expect(byOrg.rows[0]).not.toHaveProperty("kind");
    const sum = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 10_000) / 10_000;
    expect(byOrg.totals.bookedHours).toBe(sum(byOrg.rows.map((r) => r.bookedHours)));
    expect(byOrg.totals.availableHours).toBe(sum(byOrg.rows.map((r) => r.availableHours)));
    expect(kinds.totals.availableHours).toBe(byOrg.totals.availableHours);
    expect(kinds.totals.bookings).toBe(byOrg.totals.bookings);
  });
});

describe(`utilisation: who may see what (${testDriver})`, () => {
  let own: typeof organisations.$inferSelect;
  let other: typeof organisations.$inferSelect;
  let admin: Actor;
  let member: Actor;

  beforeAll(async () => {
    own = await fixtureOrg("Własna");
    other = await fixtureOrg("Cudza");
    admin = (await createMember(h.db, own.id, "admin")).actor;
    member = (await createMember(h.db, own.id, "member")).actor;
    await createResource(h.db, own.id, { name: "Nasza sala" });
    await createResource(h.db, other.id, { name: "Ich sala" });
  });

  const input = { from: "2026-06-01", to: "2026-06-30", groupBy: "organisation" };

  it("an admin sees only its own organisation", async () => {
    const r = await getUtilisation(h.db, admin, input);
    expect(r.rows.map((x) => x.key)).toEqual([own.slug]);
    const byResource = await getUtilisation(h.db, admin, { ...input, groupBy: "resource" });
    expect(byResource.rows.map((x) => x.label)).toEqual(["Nasza sala"]);
  });

  it("an admin asking for another organisation is refused; the coordinator may ask for any", async () => {
    await expect(getUtilisation(h.db, admin, { ...input, organisation: other.slug })).rejects.toMatchObject({
      code: "forbidden",
    });
    const r = await getUtilisation(h.db, coordinator, { ...input, organisation: other.slug });
    expect(r.rows.map((x) => x.key)).toEqual([other.slug]);
    const everyone = await getUtilisation(h.db, coordinator, input);
    expect(everyone.rows.map((x) => x.key)).toEqual(expect.arrayContaining([own.slug, other.slug]));
  });

  it("a member gets forbidden, nobody gets unauthenticated", async () => {
    await expect(getUtilisation(h.db, member, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getUtilisation(h.db, null, input)).rejects.toBeInstanceOf(AppError);
    await expect(getUtilisation(h.db, null, input)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("bad input: a reversed, impossible or too long period, an unknown grouping, an unknown organisation", async () => {
    const bad = async (extra: Record<string, string>) => {
      try {
        await getUtilisation(h.db, coordinator, { ...input, ...extra });
        return "ok";
      } catch (error) {
        if (error instanceof ZodError) return error.issues.map((i) => `${i.path.join(".")}:${i.message}`).join(",");
        if (error instanceof AppError) return error.code;
        throw error;
      }
    };
    expect(await bad({ from: "2026-07-01", to: "2026-06-01" })).toBe("to:end_before_start");
    expect(await bad({ from: "2026-02-30" })).toBe("from:bad_date");
    expect(await bad({ from: "01.06.2026" })).toBe("from:bad_date");
    expect(await bad({ from: "2020-01-01", to: "2026-01-01" })).toBe("to:range_too_long");
    expect(await bad({ groupBy: "colour" })).toBe("groupBy:invalid");
    expect(await bad({ organisation: "no-such-partner" })).toBe("not_found");
  });
});
