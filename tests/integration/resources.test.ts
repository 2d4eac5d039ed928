import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { DatabaseHandle } from "@/db/connect";
import { auditLog, blackouts, bookings, openingHours, organisations, resources } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { localInstant } from "@/lib/domain/wall-clock";
import { AppError } from "@/lib/errors";
import { archiveResource } from "@/lib/resources/archive-resource";
import { createResource } from "@/lib/resources/create-resource";
import { getAvailability, nextFreeSlots } from "@/lib/resources/get-availability";
import { getResource } from "@/lib/resources/get-resource";
import { listResources } from "@/lib/resources/list-resources";
import { addBlackout, removeBlackout } from "@/lib/resources/manage-blackouts";
import type { CreateResourceInput } from "@/lib/resources/resource-schema";
import { updateResource } from "@/lib/resources/update-resource";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createBooking, createMember, createOrganisation } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

/**
 * The AppError code a call fails with, or "ok". A zod refusal is "validation", or "not_found" when an id is not
 * even a UUID (the API answers 404 for that too).
 */
async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    if (error instanceof ZodError)
      return error.issues.some((i) => i.message === "not_found") ? "not_found" : "validation";
    throw error;
  }
}

/** The zod reasons by field of a refused call. */
async function reasonsOf(p: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await p;
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    // The first reason per field, as the API reports it.
    const reasons: Record<string, string> = {};
    for (const i of error.issues) reasons[i.path.join(".") || "body"] ??= i.message;
    return reasons;
  }
  throw new Error("expected a validation error");
}

const SAT = "2030-06-01"; // a Saturday (CEST)
const MON = "2030-06-03";
const at = (date: string, hhmm: string) => localInstant(date, hhmm);
const window = (date: string, from: string, to: string) => ({
  from: at(date, from).toISOString(),
  to: at(date, to).toISOString(),
});
const span = (date: string, from: string, to: string) => ({
  start: at(date, from).toISOString(),
  end: at(date, to).toISOString(),
});

async function rowCounts() {
  const n = async (table: typeof resources | typeof openingHours | typeof blackouts | typeof auditLog) =>
    Number((await h.db.select({ n: count() }).from(table))[0].n);
  return {
    resources: await n(resources),
    hours: await n(openingHours),
    blackouts: await n(blackouts),
    audit: await n(auditLog),
  };
}

const hall: CreateResourceInput = {
  kind: "premises",
  name: "Sala konferencyjna",
  description: "Sala na 40 osób z rzutnikiem",
  capacity: 40,
  bookingMode: "approval",
  openingHours: [
    { weekday: 6, start: "08:00", end: "16:00" },
    { weekday: 1, start: "16:00", end: "24:00" },
    { weekday: 1, start: "08:00", end: "12:00" },
  ],
  bufferMinutes: 30,
  minMinutes: 60,
  maxMinutes: 480,
  details: { stepFree: true, floor: 1, amenities: ["rzutnik", "Wi-Fi"] },
};

describe(`managing resources (${testDriver})`, () => {
  let orgA: typeof organisations.$inferSelect;
  let orgB: typeof organisations.$inferSelect;
  let adminA: Actor;
  let memberA: Actor;
  let adminB: Actor;

  beforeAll(async () => {
    orgA = await createOrganisation(h.db, { name: "Organizacja A" });
    orgB = await createOrganisation(h.db, { name: "Organizacja B" });
    adminA = (await createMember(h.db, orgA.id, "admin")).actor;
    memberA = (await createMember(h.db, orgA.id, "member")).actor;
    adminB = (await createMember(h.db, orgB.id, "admin")).actor;
  });

  it("creates a resource with its weekly hours, owned by the actor's organisation, and audits it", async () => {
    const created = await createResource(h.db, memberA, hall);
    expect(created).toMatchObject({
      kind: "premises",
      name: "Sala konferencyjna",
      capacity: 40,
      quantity: 1,
      bookingMode: "approval",
      bufferMinutes: 30,
      minMinutes: 60,
      maxMinutes: 480,
      leadMinutes: null,
      status: "active",
      organisation: { slug: orgA.slug, name: orgA.name },
      details: { stepFree: true, floor: 1, amenities: ["rzutnik", "Wi-Fi"] },
    });
    expect(created.openingHours).toEqual([
      { weekday: 1, start: "08:00", end: "12:00" },
      { weekday: 1, start: "16:00", end: "24:00" },
      { weekday: 6, start: "08:00", end: "16:00" },
    ]);
    const [row] = await h.db.select().from(resources).where(eq(resources.id, created.id));
    expect(row.organisationId).toBe(orgA.id);
    const read = await getResource(h.db, adminB, created.id);
    expect(read.openingHours).toEqual(created.openingHours);
    expect(read.canManage).toBe(false);
    expect((await getResource(h.db, adminA, created.id)).canManage).toBe(true);
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "resource.create")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: memberA.userId, organisationId: orgA.id });
    expect(audit[0].after).toMatchObject({ name: "Sala konferencyjna", quantity: 1 });
  });

  it("defaults: always open, no limits, one unit", async () => {
    const created = await createResource(h.db, adminA, {
      kind: "expertise",
      name: "Porada prawna",
      bookingMode: "instant",
    });
    expect(created).toMatchObject({
      quantity: 1,
      openingHours: [],
      minMinutes: null,
      maxMinutes: null,
      bufferMinutes: 0,
    });
    expect(created.details).toEqual({});
  });

  it("refuses bad input and writes nothing", async () => {
    const before = await rowCounts();
    const bad: [Record<string, unknown>, Record<string, string>][] = [
      [{ ...hall, quantity: 3 }, { quantity: "invalid" }],
      [{ ...hall, minMinutes: 120, maxMinutes: 60 }, { maxMinutes: "end_before_start" }],
      [
        { ...hall, openingHours: [{ weekday: 8, start: "08:00", end: "10:00" }] },
        { "openingHours.0.weekday": "too_big" },
      ],
      [{ ...hall, openingHours: [{ weekday: 1, start: "08:00", end: "25:00" }] }, { "openingHours.0.end": "bad_time" }],
      [{ ...hall, openingHours: [{ weekday: 1, start: "10:00", end: "09:00" }] }, { openingHours: "end_before_start" }],
      [
        {
          ...hall,
          openingHours: [
            { weekday: 1, start: "08:00", end: "12:00" },
            { weekday: 1, start: "11:00", end: "13:00" },
          ],
        },
        { openingHours: "overlap" },
      ],
      [{ ...hall, status: "archived" }, { body: "unknown_field" }],
      [{ ...hall, details: { pickup: "magazyn" } }, { details: "unknown_field" }],
      [{ ...hall, details: { amenities: Array.from({ length: 31 }, () => "x") } }, { "details.amenities": "too_big" }],
      [{ ...hall, name: "   " }, { name: "required" }],
      [{ ...hall, bufferMinutes: 1441 }, { bufferMinutes: "too_big" }],
      [{ ...hall, horizonDays: 731 }, { horizonDays: "too_big" }],
      [{ ...hall, inKindRate: -1 }, { inKindRate: "too_small" }],
      [{ ...hall, kind: "vehicle" }, { kind: "invalid" }],
      [{ ...hall, capacity: "many" }, { capacity: "invalid" }],
    ];
    for (const [input, reasons] of bad) {
      expect(await reasonsOf(createResource(h.db, adminA, input as CreateResourceInput))).toMatchObject(reasons);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("lets equipment have many units", async () => {
    const chairs = await createResource(h.db, adminA, {
      kind: "equipment",
      name: "Krzesła składane",
      bookingMode: "instant",
      quantity: 120,
      inKindRate: 3,
      inKindUnit: "unit_day",
      details: { includes: ["wózek"], condition: "dobry" },
    });
    expect(chairs).toMatchObject({ quantity: 120, inKindRate: 3, inKindUnit: "unit_day" });
  });

  it("updates the owner's resource, replaces the hours and audits before and after", async () => {
    const r = await createResource(h.db, adminA, hall);
    const updated = await updateResource(h.db, memberA, {
      resourceId: r.id,
      name: "Sala duża",
      location: "ul. Partnerska 1",
      openingHours: [{ weekday: 2, start: "09:00", end: "17:00" }],
      maxMinutes: null,
    });
    expect(updated).toMatchObject({ name: "Sala duża", location: "ul. Partnerska 1", maxMinutes: null, capacity: 40 });
    expect(updated.openingHours).toEqual([{ weekday: 2, start: "09:00", end: "17:00" }]);
    expect(await h.db.select().from(openingHours).where(eq(openingHours.resourceId, r.id))).toHaveLength(1);
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, "resource.update")));
    expect(entry.before).toMatchObject({ name: "Sala konferencyjna", maxMinutes: 480 });
    expect(entry.after).toMatchObject({ name: "Sala duża", maxMinutes: null });
    // Hours not given stay as they are.
    const renamed = await updateResource(h.db, adminA, { resourceId: r.id, description: "" });
    expect(renamed.openingHours).toEqual([{ weekday: 2, start: "09:00", end: "17:00" }]);
    expect(renamed.description).toBe("");
  });

  it("checks a change together with what is stored, and changes nothing when it is wrong", async () => {
    const r = await createResource(h.db, adminA, hall);
    const chairs = await createResource(h.db, adminA, {
      kind: "equipment",
      name: "Stoły",
      bookingMode: "instant",
      quantity: 20,
    });
    const before = await rowCounts();
    expect(await reasonsOf(updateResource(h.db, adminA, { resourceId: r.id, minMinutes: 600 }))).toEqual({
      maxMinutes: "end_before_start",
    });
    expect(await reasonsOf(updateResource(h.db, adminA, { resourceId: r.id, quantity: 2 }))).toEqual({
      quantity: "invalid",
    });
    expect(await reasonsOf(updateResource(h.db, adminA, { resourceId: chairs.id, kind: "premises" }))).toEqual({
      quantity: "invalid",
    });
    expect(await reasonsOf(updateResource(h.db, adminA, { resourceId: r.id, details: { pickup: "x" } }))).toEqual({
      details: "unknown_field",
    });
    expect(await reasonsOf(updateResource(h.db, adminA, { resourceId: r.id }))).toEqual({ body: "required" });
    expect(
      await reasonsOf(updateResource(h.db, adminA, { resourceId: r.id, status: "archived" } as never)),
    ).toMatchObject({ body: "unknown_field" });
    expect(await rowCounts()).toEqual(before);
    const [row] = await h.db.select().from(resources).where(eq(resources.id, r.id));
    expect(row).toMatchObject({ minMinutes: 60, quantity: 1, status: "active" });
  });

  it("refuses fewer units or a longer buffer than the bookings already hold", async () => {
    const chairs = await createResource(h.db, adminA, {
      kind: "equipment",
      name: "Krzesła do testu",
      bookingMode: "instant",
      quantity: 100,
    });
    const base = { resourceId: chairs.id, organisationId: orgB.id };
    await createBooking(h.db, { ...base, quantity: 60, start: at(SAT, "10:00"), end: at(SAT, "12:00") });
    await createBooking(h.db, { ...base, quantity: 30, start: at(SAT, "11:00"), end: at(SAT, "13:00") });
    expect(await codeOf(updateResource(h.db, adminA, { resourceId: chairs.id, quantity: 89 }))).toBe("conflict");
    const [stillChairs] = await h.db.select().from(resources).where(eq(resources.id, chairs.id));
    expect(stillChairs.quantity).toBe(100);
    expect(await codeOf(updateResource(h.db, adminA, { resourceId: chairs.id, quantity: 90 }))).toBe("ok");

    const room = await createResource(h.db, adminA, { kind: "premises", name: "Pokój", bookingMode: "instant" });
    const roomBase = { resourceId: room.id, organisationId: orgB.id };
    await createBooking(h.db, { ...roomBase, start: at(SAT, "10:00"), end: at(SAT, "11:00") });
    await createBooking(h.db, { ...roomBase, start: at(SAT, "11:30"), end: at(SAT, "12:00") });
    expect(await codeOf(updateResource(h.db, adminA, { resourceId: room.id, bufferMinutes: 45 }))).toBe("conflict");
    expect(await codeOf(updateResource(h.db, adminA, { resourceId: room.id, bufferMinutes: 30 }))).toBe("ok");
    const blocked = await h.db
      .select({ upper: sql<string>`upper(${bookings.blockedPeriod})::text` })
      .from(bookings)
      .where(eq(bookings.resourceId, room.id))
      .orderBy(sql`lower(${bookings.period})`);
    // The guard re-derived the blocked periods with the new buffer (11:30 and 12:30 in Warsaw are 09:30 and 10:30 UTC).
    expect(blocked.map((b) => new Date(b.upper.replace(" ", "T").replace(/\+00$/, "Z")).getTime())).toEqual([
      at(SAT, "11:30").getTime(),
      at(SAT, "12:30").getTime(),
    ]);
  });

  it("archives: the resource leaves search and other partners, its bookings stay and are counted", async () => {
    const r = await createResource(h.db, adminA, { ...hall, name: "Sala do archiwum" });
    await createBooking(h.db, {
      resourceId: r.id,
      organisationId: orgB.id,
      status: "pending",
      start: at(SAT, "10:00"),
      end: at(SAT, "12:00"),
    });
    await createBooking(h.db, {
      resourceId: r.id,
      organisationId: orgB.id,
      status: "cancelled",
      start: at(SAT, "13:00"),
      end: at(SAT, "14:00"),
    });
    const now = at("2030-05-01", "12:00");
    expect(await archiveResource(h.db, memberA, { resourceId: r.id }, now)).toEqual({
      id: r.id,
      status: "archived",
      futureBookings: 1,
    });
    expect(await h.db.select().from(bookings).where(eq(bookings.resourceId, r.id))).toHaveLength(2);
    expect(await codeOf(getResource(h.db, adminB, r.id))).toBe("not_found");
    expect((await getResource(h.db, adminA, r.id)).status).toBe("archived");
    const listed = await listResources(h.db, adminA, { q: "archiwum" });
    expect(listed).toHaveLength(0);
    // Archiving again is harmless and writes no second audit entry.
    await archiveResource(h.db, adminA, { resourceId: r.id }, now);
    const entries = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, "resource.archive")));
    expect(entries).toHaveLength(1);
    expect(entries[0].after).toMatchObject({ status: "archived", futureBookings: 1 });
  });

  it("authorization: own organisation manages; another gets 403 on a visible resource, 404 on an invisible one", async () => {
    const active = await createResource(h.db, adminA, { ...hall, name: "Sala A aktywna" });
    const archived = await createResource(h.db, adminA, { ...hall, name: "Sala A archiwalna" });
    await archiveResource(h.db, adminA, { resourceId: archived.id });
    const unknown = "00000000-0000-4000-8000-000000000000";
    const before = await rowCounts();

    expect(await codeOf(updateResource(h.db, adminB, { resourceId: active.id, name: "Przejęta" }))).toBe("forbidden");
    expect(await codeOf(archiveResource(h.db, adminB, { resourceId: active.id }))).toBe("forbidden");
    const period = { start: at(SAT, "08:00").toISOString(), end: at(SAT, "09:00").toISOString(), reason: "remont" };
    expect(await codeOf(addBlackout(h.db, adminB, { resourceId: active.id, ...period }))).toBe("forbidden");

    for (const id of [archived.id, unknown, "not-a-uuid"]) {
      expect(await codeOf(updateResource(h.db, adminB, { resourceId: id, name: "X" }))).toBe("not_found");
      expect(await codeOf(archiveResource(h.db, adminB, { resourceId: id }))).toBe("not_found");
      expect(await codeOf(getResource(h.db, adminB, id))).toBe("not_found");
      expect(await codeOf(getAvailability(h.db, adminB, { resourceId: id, ...window(SAT, "08:00", "12:00") }))).toBe(
        "not_found",
      );
    }
    expect(await codeOf(addBlackout(h.db, adminB, { resourceId: archived.id, ...period }))).toBe("not_found");
    expect(await rowCounts()).toEqual(before);

    expect(await codeOf(createResource(h.db, null, hall))).toBe("unauthenticated");
    expect(await codeOf(updateResource(h.db, null, { resourceId: active.id, name: "X" }))).toBe("unauthenticated");
    expect(await codeOf(archiveResource(h.db, null, { resourceId: active.id }))).toBe("unauthenticated");
    expect(await codeOf(addBlackout(h.db, null, { resourceId: active.id, ...period }))).toBe("unauthenticated");
    expect(await codeOf(removeBlackout(h.db, null, { blackoutId: unknown }))).toBe("unauthenticated");
    expect(await codeOf(getResource(h.db, null, active.id))).toBe("unauthenticated");
    expect(await codeOf(listResources(h.db, null, {}))).toBe("unauthenticated");
    expect(await codeOf(getAvailability(h.db, null, { resourceId: active.id, ...window(SAT, "08:00", "12:00") }))).toBe(
      "unauthenticated",
    );
    expect(await codeOf(nextFreeSlots(h.db, null, { resourceId: active.id, durationMinutes: 60 }))).toBe(
      "unauthenticated",
    );
    expect(await rowCounts()).toEqual(before);

    // The owner's members (not only admins) manage it, archived or not.
    expect(await codeOf(updateResource(h.db, memberA, { resourceId: archived.id, name: "Sala A stara" }))).toBe("ok");
  });

  it("blackouts: the owner adds and removes them; others cannot; they are audited", async () => {
    const r = await createResource(h.db, adminA, { ...hall, name: "Sala z przerwą" });
    await createBooking(h.db, {
      resourceId: r.id,
      organisationId: orgB.id,
      start: at(SAT, "10:00"),
      end: at(SAT, "12:00"),
    });
    const before = await rowCounts();
    const bad = { resourceId: r.id, start: at(SAT, "12:00").toISOString(), end: at(SAT, "10:00").toISOString() };
    expect(await reasonsOf(addBlackout(h.db, adminA, { ...bad, reason: "remont" }))).toEqual({
      end: "end_before_start",
    });
    expect(await reasonsOf(addBlackout(h.db, adminA, { ...bad, start: "2030-06-01 08:00", reason: "" }))).toMatchObject(
      { start: "datetime", reason: "required" },
    );
    expect(
      await reasonsOf(
        addBlackout(h.db, adminA, { resourceId: r.id, ...span(SAT, "08:00", "09:00"), reason: "x".repeat(301) }),
      ),
    ).toEqual({ reason: "too_long" });
    expect(await rowCounts()).toEqual(before);

    const closure = await addBlackout(h.db, memberA, {
      resourceId: r.id,
      start: at(SAT, "00:00").toISOString(),
      end: at("2030-06-02", "00:00").toISOString(),
      reason: "Remont podłogi",
    });
    expect(closure).toMatchObject({ resourceId: r.id, reason: "Remont podłogi", affectedBookings: 1 });
    const seen = await getResource(h.db, adminB, r.id, at("2030-05-01", "00:00"));
    expect(seen.blackouts).toEqual([
      { id: closure.id, start: at(SAT, "00:00"), end: at("2030-06-02", "00:00"), reason: "Remont podłogi" },
    ]);
    // Past closures are not listed.
    expect((await getResource(h.db, adminB, r.id, at("2030-06-03", "00:00"))).blackouts).toEqual([]);

    expect(await codeOf(removeBlackout(h.db, adminB, { blackoutId: closure.id }))).toBe("forbidden");
    expect(await codeOf(removeBlackout(h.db, adminA, { blackoutId: "00000000-0000-4000-8000-000000000000" }))).toBe(
      "not_found",
    );
    expect(await codeOf(removeBlackout(h.db, adminA, { blackoutId: "nope" }))).toBe("not_found");
    expect(await h.db.select().from(blackouts).where(eq(blackouts.id, closure.id))).toHaveLength(1);

    expect(await removeBlackout(h.db, adminA, { blackoutId: closure.id })).toEqual({ id: closure.id, deleted: true });
    expect(await h.db.select().from(blackouts).where(eq(blackouts.id, closure.id))).toHaveLength(0);
    const actions = await h.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, closure.id))
      .orderBy(auditLog.id);
    expect(actions.map((a) => a.action)).toEqual(["blackout.create", "blackout.delete"]);
  });
});

describe(`searching resources (${testDriver})`, () => {
  let owner: typeof organisations.$inferSelect;
  let other: typeof organisations.$inferSelect;
  let admin: Actor;
  let reader: Actor;

  beforeAll(async () => {
    owner = await createOrganisation(h.db, { name: "Caritas testowy" });
    other = await createOrganisation(h.db, { name: "Inna organizacja" });
    admin = (await createMember(h.db, owner.id, "admin")).actor;
    reader = (await createMember(h.db, other.id, "member")).actor;
    const otherAdmin = (await createMember(h.db, other.id, "admin")).actor;
    const make = (actor: Actor, input: CreateResourceInput) => createResource(h.db, actor, input);
    await make(admin, { kind: "premises", name: "Świetlica Caritas", capacity: 30, bookingMode: "approval" });
    await make(admin, { kind: "premises", name: "Łódź – sala nad rzeką", capacity: 80, bookingMode: "instant" });
    await make(admin, { kind: "equipment", name: "Lampy 100% LED", quantity: 8, bookingMode: "instant" });
    await make(admin, { kind: "equipment", name: "Maty", quantity: 25, bookingMode: "instant", location: "Żagań" });
    await make(otherAdmin, { kind: "premises", name: "Sala gimnastyczna", capacity: 200, bookingMode: "approval" });
    const gone = await make(admin, { kind: "premises", name: "Świetlica stara", bookingMode: "instant" });
    await archiveResource(h.db, admin, { resourceId: gone.id });
  });

  const names = (items: { name: string }[]) => items.map((i) => i.name);

  it("finds text case- and accent-insensitively, in name, description and location", async () => {
    expect(names(await listResources(h.db, reader, { q: "swietlica" }))).toEqual(["Świetlica Caritas"]);
    expect(names(await listResources(h.db, reader, { q: "LODZ" }))).toEqual(["Łódź – sala nad rzeką"]);
    expect(names(await listResources(h.db, reader, { q: "ŚWIETLICA caritas" }))).toEqual(["Świetlica Caritas"]);
    expect(names(await listResources(h.db, reader, { q: "zagan" }))).toEqual(["Maty"]);
  });

  it("treats % and _ as plain characters", async () => {
    expect(names(await listResources(h.db, reader, { q: "100%" }))).toEqual(["Lampy 100% LED"]);
    expect(names(await listResources(h.db, reader, { q: "%" }))).toEqual(["Lampy 100% LED"]);
    expect(await listResources(h.db, reader, { q: "_" })).toEqual([]);
  });

  it("filters by kind, owner, capacity and units; sorts the Polish way; hides archived resources", async () => {
    const mine = await listResources(h.db, reader, { owner: owner.slug });
    expect(names(mine)).toEqual(["Lampy 100% LED", "Łódź – sala nad rzeką", "Maty", "Świetlica Caritas"]);
    expect(mine[0]).toMatchObject({
      kind: "equipment",
      quantity: 8,
      bookingMode: "instant",
      organisation: { slug: owner.slug, name: "Caritas testowy" },
    });
    expect(mine[0]).not.toHaveProperty("freeUnits");
    expect(names(await listResources(h.db, reader, { owner: owner.slug, kind: "equipment" }))).toEqual([
      "Lampy 100% LED",
      "Maty",
    ]);
    expect(names(await listResources(h.db, reader, { kind: "premises", minCapacity: "50" }))).toEqual(
      expect.arrayContaining(["Łódź – sala nad rzeką", "Sala gimnastyczna"]),
    );
    expect(names(await listResources(h.db, reader, { kind: "premises", minCapacity: 50 }))).not.toContain(
      "Świetlica Caritas",
    );
    expect(names(await listResources(h.db, reader, { owner: owner.slug, minQuantity: 10 }))).toEqual(["Maty"]);
    expect(await listResources(h.db, reader, { owner: "nobody-here" })).toEqual([]);
  });

  it("does not list the resources of a suspended partner", async () => {
    const suspended = await createOrganisation(h.db, { name: "Zawieszona" });
    const suspendedAdmin = (await createMember(h.db, suspended.id, "admin")).actor;
    const r = await createResource(h.db, suspendedAdmin, {
      kind: "premises",
      name: "Sala zawieszona",
      bookingMode: "instant",
    });
    await h.db.update(organisations).set({ status: "suspended" }).where(eq(organisations.id, suspended.id));
    expect(await listResources(h.db, reader, { owner: suspended.slug })).toEqual([]);
    expect(await codeOf(getResource(h.db, reader, r.id))).toBe("not_found");
  });

  it("refuses malformed filters", async () => {
    expect(await reasonsOf(listResources(h.db, reader, { kind: "car" }))).toEqual({ kind: "invalid" });
    expect(await reasonsOf(listResources(h.db, reader, { minQuantity: "-1" }))).toEqual({ minQuantity: "too_small" });
    expect(await reasonsOf(listResources(h.db, reader, { from: window(SAT, "10:00", "12:00").from }))).toEqual({
      to: "required",
    });
    expect(await reasonsOf(listResources(h.db, reader, { ...window(SAT, "12:00", "10:00") }))).toEqual({
      to: "end_before_start",
    });
    expect(
      await reasonsOf(
        listResources(h.db, reader, { from: window(SAT, "10:00", "12:00").from, to: "2030-07-03T10:00:00Z" }),
      ),
    ).toEqual({ to: "range_too_long" });
    expect(await reasonsOf(listResources(h.db, reader, { from: "tomorrow", to: "later" }))).toEqual({
      from: "datetime",
      to: "datetime",
    });
  });
});

describe(`dates first (${testDriver})`, () => {
  let owner: typeof organisations.$inferSelect;
  let borrower: typeof organisations.$inferSelect;
  let admin: Actor;
  let reader: Actor;

  beforeAll(async () => {
    owner = await createOrganisation(h.db, { name: "Właściciel sal" });
    borrower = await createOrganisation(h.db, { name: "Pożyczający" });
    admin = (await createMember(h.db, owner.id, "admin")).actor;
    reader = (await createMember(h.db, borrower.id, "member")).actor;
  });

  /** A hall open Saturdays 08:00–16:00 with a 30-minute buffer, under a name unique to the test. */
  const saturdayHall = (name: string) =>
    createResource(h.db, admin, {
      kind: "premises",
      name,
      bookingMode: "approval",
      bufferMinutes: 30,
      openingHours: [{ weekday: 6, start: "08:00", end: "16:00" }],
    });
  const listedFor = async (q: string, w: { from: string; to: string }, extra: Record<string, unknown> = {}) =>
    (await listResources(h.db, reader, { owner: owner.slug, q, ...w, ...extra })).map((i) => i.name);

  it("lists a hall only for a window inside its opening hours", async () => {
    await saturdayHall("Sala sobotnia");
    expect(await listedFor("sobotnia", window(SAT, "10:00", "14:00"))).toEqual(["Sala sobotnia"]);
    expect(await listedFor("sobotnia", window(SAT, "08:00", "16:00"))).toEqual(["Sala sobotnia"]);
    expect(await listedFor("sobotnia", window(SAT, "15:00", "17:00"))).toEqual([]);
    expect(await listedFor("sobotnia", window(MON, "10:00", "14:00"))).toEqual([]);
    // Without dates it is listed whatever its hours.
    expect(await listedFor("sobotnia", { from: "", to: "" })).toEqual(["Sala sobotnia"]);
  });

  it("does not list a hall with a booking in the window, counting the buffer", async () => {
    const during = await saturdayHall("Sala zajęta w trakcie");
    const bufferBefore = await saturdayHall("Sala zajęta buforem przed");
    const bufferAfter = await saturdayHall("Sala zajęta buforem po");
    const cancelled = await saturdayHall("Sala z odwołaną");
    const gap = await saturdayHall("Sala z przerwą wystarczającą");
    const book = (resourceId: string, from: string, to: string, status: "approved" | "pending" | "cancelled") =>
      createBooking(h.db, { resourceId, organisationId: borrower.id, status, start: at(SAT, from), end: at(SAT, to) });
    await book(during.id, "12:00", "13:00", "pending");
    await book(bufferBefore.id, "08:30", "09:45", "approved"); // blocks until 10:15
    await book(bufferAfter.id, "14:15", "15:00", "approved"); // a booking 10–14 would block until 14:30
    await book(cancelled.id, "11:00", "12:00", "cancelled");
    await book(gap.id, "08:00", "09:30", "approved"); // blocks until 10:00: touching is fine
    await book(gap.id, "14:30", "15:30", "approved"); // starts exactly when 10–14 plus its buffer ends
    expect(await listedFor("sala", window(SAT, "10:00", "14:00"))).toEqual([
      "Sala sobotnia",
      "Sala z odwołaną",
      "Sala z przerwą wystarczającą",
    ]);
  });

  it("lists for a long window only premises open all the time, equipment open at pick-up and return", async () => {
    const everyDay = [1, 2, 3, 4, 5, 6, 7] as const;
    const make = (name: string, openingHours: CreateResourceInput["openingHours"]) =>
      createResource(h.db, admin, { kind: "premises", name, bookingMode: "instant", openingHours });
    await make("Namiot całodobowy z godzinami", [
      ...everyDay.map((weekday) => ({ weekday, start: "00:00", end: "12:00" })),
      ...everyDay.map((weekday) => ({ weekday, start: "12:00", end: "24:00" })),
    ]);
    await make("Namiot bez godzin", []);
    await make(
      "Namiot dzienny",
      everyDay.map((weekday) => ({ weekday, start: "08:00", end: "20:00" })),
    );
    const tenDays = { from: at(SAT, "10:00").toISOString(), to: at("2030-06-11", "10:00").toISOString() };
    expect(await listedFor("namiot", tenDays)).toEqual(["Namiot bez godzin", "Namiot całodobowy z godzinami"]);
    expect(await listedFor("namiot", window(SAT, "10:00", "18:00"))).toEqual([
      "Namiot bez godzin",
      "Namiot całodobowy z godzinami",
      "Namiot dzienny",
    ]);
    // Equipment is kept between pick-up and return: only the window's two ends must fall in opening hours.
    await createResource(h.db, admin, {
      kind: "equipment",
      name: "Stół dzienny",
      bookingMode: "instant",
      quantity: 5,
      openingHours: everyDay.map((weekday) => ({ weekday, start: "08:00", end: "20:00" })),
    });
    expect(await listedFor("stół dzienny", tenDays)).toEqual(["Stół dzienny"]);
    const returnAtNight = { from: tenDays.from, to: at("2030-06-11", "21:00").toISOString() };
    expect(await listedFor("stół dzienny", returnAtNight)).toEqual([]);
  });

  it("does not list a hall closed by a blackout in the window", async () => {
    const closed = await saturdayHall("Aula w remoncie");
    await addBlackout(h.db, admin, { resourceId: closed.id, ...span(SAT, "13:00", "18:00"), reason: "Remont" });
    expect(await listedFor("aula", window(SAT, "10:00", "14:00"))).toEqual([]);
    expect(await listedFor("aula", window(SAT, "10:00", "13:00"))).toEqual(["Aula w remoncie"]);
  });

  it("counts free units by the peak held at once, not the sum", async () => {
    const chairs = await createResource(h.db, admin, {
      kind: "equipment",
      name: "Krzesła 120",
      bookingMode: "instant",
      quantity: 120,
    });
    const book = (quantity: number, date: string, from: string, to: string, status = "approved" as const) =>
      createBooking(h.db, {
        resourceId: chairs.id,
        organisationId: borrower.id,
        quantity,
        status,
        start: at(date, from),
        end: at(date, to),
      });
    await book(60, SAT, "09:00", "12:00");
    await book(50, SAT, "11:00", "15:00");
    await book(40, SAT, "15:00", "18:00"); // touches the other one, never overlaps
    await book(100, "2030-06-02", "09:00", "12:00"); // the next day
    const w = window(SAT, "10:00", "14:00");
    const ten = await listResources(h.db, reader, { owner: owner.slug, q: "krzesla", minQuantity: 10, ...w });
    expect(ten).toHaveLength(1);
    expect(ten[0]).toMatchObject({ name: "Krzesła 120", freeUnits: 10, ruleViolations: [] });
    expect(await listedFor("krzesla", w, { minQuantity: 11 })).toEqual([]);
    // Without minQuantity one free unit is enough.
    expect(await listedFor("krzesla", w)).toEqual(["Krzesła 120"]);
    // 15:00–18:00 holds 40 (the 50 have ended at 15:00): 80 free.
    const late = await listResources(h.db, reader, {
      owner: owner.slug,
      q: "krzesla",
      ...window(SAT, "15:00", "18:00"),
    });
    expect(late[0].freeUnits).toBe(80);
    // Sunday: 100 until 12:00, then 30 from 12:00. Together 130 > 120, but never at once: 20 free all day.
    await book(30, "2030-06-02", "12:00", "15:00");
    const sunday = await listResources(h.db, reader, {
      owner: owner.slug,
      q: "krzesla",
      ...window("2030-06-02", "09:00", "15:00"),
    });
    expect(sunday[0].freeUnits).toBe(20);
  });

  it("reports rules a request for the window would break, without hiding the resource", async () => {
    await createResource(h.db, admin, {
      kind: "premises",
      name: "Sala z wyprzedzeniem",
      bookingMode: "approval",
      leadMinutes: 14 * 24 * 60,
      maxMinutes: 120,
    });
    const now = at("2030-05-25", "12:00");
    const items = await listResources(
      h.db,
      reader,
      { owner: owner.slug, q: "wyprzedzeniem", ...window(SAT, "10:00", "14:00") },
      now,
    );
    expect(items).toHaveLength(1);
    expect(items[0].ruleViolations).toEqual(["too_long", "too_soon"]);
  });
});

describe(`availability (${testDriver})`, () => {
  let owner: Actor;
  let requester: Actor;
  let stranger: Actor;
  let resourceId: string;

  beforeAll(async () => {
    const ownerOrg = await createOrganisation(h.db, { name: "Dom Kultury" });
    const requesterOrg = await createOrganisation(h.db, { name: "Stowarzyszenie Razem" });
    const strangerOrg = await createOrganisation(h.db, { name: "Klub Seniora" });
    owner = (await createMember(h.db, ownerOrg.id, "member")).actor;
    requester = (await createMember(h.db, requesterOrg.id, "member")).actor;
    stranger = (await createMember(h.db, strangerOrg.id, "member")).actor;
    const r = await createResource(h.db, owner, {
      kind: "premises",
      name: "Sala widowiskowa",
      bookingMode: "approval",
      bufferMinutes: 30,
      openingHours: [{ weekday: 6, start: "08:00", end: "16:00" }],
    });
    resourceId = r.id;
    await createBooking(h.db, {
      resourceId,
      organisationId: requesterOrg.id,
      status: "approved",
      start: at(SAT, "10:00"),
      end: at(SAT, "12:00"),
      purpose: "Warsztaty dla rodziców",
    });
    await createBooking(h.db, {
      resourceId,
      organisationId: strangerOrg.id,
      status: "pending",
      start: at(SAT, "13:00"),
      end: at(SAT, "14:00"),
      purpose: "Potańcówka seniorów",
    });
    await createBooking(h.db, {
      resourceId,
      organisationId: strangerOrg.id,
      status: "declined",
      start: at(SAT, "14:30"),
      end: at(SAT, "15:00"),
      purpose: "Odrzucona",
    });
  });

  const day = () => ({ resourceId, from: at(SAT, "00:00").toISOString(), to: at("2030-06-02", "00:00").toISOString() });

  it("splits the open hours into free and busy time, buffers taken out of the free time", async () => {
    const a = await getAvailability(h.db, requester, day());
    const seg = (s: { start: Date; end: Date; quantity: number }) => [
      s.start.toISOString(),
      s.end.toISOString(),
      s.quantity,
    ];
    expect(a.busy.map(seg)).toEqual([
      [at(SAT, "10:00").toISOString(), at(SAT, "12:00").toISOString(), 1],
      [at(SAT, "13:00").toISOString(), at(SAT, "14:00").toISOString(), 1],
    ]);
    // Each booking keeps 30 minutes free on both sides: 09:30–12:30 and 12:30–14:30 are not bookable.
    expect(a.free.map(seg)).toEqual([
      [at(SAT, "08:00").toISOString(), at(SAT, "09:30").toISOString(), 1],
      [at(SAT, "14:30").toISOString(), at(SAT, "16:00").toISOString(), 1],
    ]);
  });

  it("shows what a booking is for and who made it only to the owner and the requester", async () => {
    const forOwner = await getAvailability(h.db, owner, day());
    expect(forOwner.bookings.map((b) => [b.purpose, b.organisation?.name, b.mine])).toEqual([
      ["Warsztaty dla rodziców", "Stowarzyszenie Razem", false],
      ["Potańcówka seniorów", "Klub Seniora", false],
    ]);
    const forRequester = await getAvailability(h.db, requester, day());
    expect(forRequester.bookings[0]).toMatchObject({
      purpose: "Warsztaty dla rodziców",
      mine: true,
      status: "approved",
    });
    expect(forRequester.bookings[1]).not.toHaveProperty("purpose");
    expect(forRequester.bookings[1]).not.toHaveProperty("organisation");
    expect(forRequester.bookings[1]).toMatchObject({ mine: false, status: "pending", quantity: 1 });
    expect(JSON.stringify(forRequester)).not.toContain("Potańcówka");
    expect(JSON.stringify(forRequester)).not.toContain("Klub Seniora");
    const forStranger = await getAvailability(h.db, stranger, day());
    expect(JSON.stringify(forStranger)).not.toContain("Warsztaty");
    expect(forStranger.bookings[1]).toMatchObject({ purpose: "Potańcówka seniorów", mine: true });
  });

  it("refuses a window that is reversed or longer than 62 days", async () => {
    expect(await reasonsOf(getAvailability(h.db, owner, { ...day(), to: day().from }))).toEqual({
      to: "end_before_start",
    });
    expect(
      await reasonsOf(
        getAvailability(h.db, owner, {
          ...day(),
          to: new Date(at(SAT, "00:00").getTime() + 63 * 86_400_000).toISOString(),
        }),
      ),
    ).toEqual({ to: "range_too_long" });
  });

  it("finds the next free slots that pass every rule, soonest first and not overlapping", async () => {
    const desk = await createResource(h.db, owner, {
      kind: "expertise",
      name: "Dyżur prawnika",
      bookingMode: "approval",
      leadMinutes: 60,
      openingHours: [
        { weekday: 1, start: "09:00", end: "17:00" },
        { weekday: 2, start: "09:00", end: "12:00" },
      ],
    });
    await createBooking(h.db, {
      resourceId: desk.id,
      organisationId: requester.organisationId,
      start: at(MON, "10:00"),
      end: at(MON, "12:10"),
    });
    await addBlackout(h.db, owner, { resourceId: desk.id, ...span(MON, "15:00", "16:00"), reason: "Szkolenie" });
    const now = at(MON, "08:07");
    const slots = await nextFreeSlots(h.db, requester, { resourceId: desk.id, durationMinutes: 120, count: 4 }, now);
    const hhmm = (d: Date) => d.toISOString();
    expect(slots.map((s) => [hhmm(s.start), hhmm(s.end)])).toEqual([
      [at(MON, "12:15").toISOString(), at(MON, "14:15").toISOString()],
      [at("2030-06-04", "09:00").toISOString(), at("2030-06-04", "11:00").toISOString()],
      [at("2030-06-10", "09:00").toISOString(), at("2030-06-10", "11:00").toISOString()],
      [at("2030-06-10", "11:00").toISOString(), at("2030-06-10", "13:00").toISOString()],
    ]);
    // A length the rules forbid, or more units than there are, finds nothing.
    await updateResource(h.db, owner, { resourceId: desk.id, maxMinutes: 60 });
    expect(await nextFreeSlots(h.db, requester, { resourceId: desk.id, durationMinutes: 120 }, now)).toEqual([]);
    expect(
      await nextFreeSlots(h.db, requester, { resourceId: desk.id, durationMinutes: 60, quantity: 2 }, now),
    ).toEqual([]);
    expect(await nextFreeSlots(h.db, requester, { resourceId: desk.id, durationMinutes: 60 }, now)).toHaveLength(3);
  });
});
