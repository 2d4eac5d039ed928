import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { DatabaseHandle } from "@/db/connect";
import { auditLog, bookings, type organisations, type resources } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { cancelBooking } from "@/lib/bookings/cancel-booking";
import { type CreateBookingInput, createBooking } from "@/lib/bookings/create-booking";
import { approveBooking, declineBooking } from "@/lib/bookings/decide-booking";
import { getBooking, listBookings } from "@/lib/bookings/list-bookings";
import { recordHandover } from "@/lib/bookings/record-handover";
import { sweepBookings } from "@/lib/bookings/sweep-bookings";
import { AppError } from "@/lib/errors";
import { addBlackout, everyDay, setOpeningHours } from "../helpers/api";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createMember, createOrganisation, createResource } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

/** What a use-case refused with: the AppError code and details, or "ok". */
async function outcome(p: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> }> {
  try {
    await p;
    return { code: "ok", details: {} };
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, details: error.details };
    if (error instanceof ZodError) return { code: "zod", details: { issues: error.issues } };
    throw error;
  }
}
const codeOf = async (p: Promise<unknown>) => (await outcome(p)).code;
async function violationsOf(p: Promise<unknown>): Promise<unknown> {
  const { code, details } = await outcome(p);
  expect(code).toBe("rule_violation");
  return details.violations;
}

async function statusOf(id: string) {
  const [row] = await h.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, id));
  return row?.status;
}
async function auditOf(id: string) {
  return h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "booking"), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id));
}
const bookingCount = async () => (await h.db.select({ id: bookings.id }).from(bookings)).length;

type Org = typeof organisations.$inferSelect;
let owner: Org; // lends its resources
let requester: Org; // borrows them
let stranger: Org; // a third organisation, party to nothing below unless said so
let ownerAdmin: Actor;
let ownerMember: Actor;
let req: Actor;
let req2: Actor;
let other: Actor;

beforeAll(async () => {
  owner = await createOrganisation(h.db, { name: "Właściciel" });
  requester = await createOrganisation(h.db, { name: "Pożyczający" });
  stranger = await createOrganisation(h.db, { name: "Obcy" });
  ownerAdmin = (await createMember(h.db, owner.id, "admin")).actor;
  ownerMember = (await createMember(h.db, owner.id, "member")).actor;
  req = (await createMember(h.db, requester.id, "member")).actor;
  req2 = (await createMember(h.db, requester.id, "admin")).actor;
  other = (await createMember(h.db, stranger.id, "admin")).actor;
});

// A Monday, 10:00 in Warsaw (CEST).
const NOW = at("2026-05-04T08:00:00Z");
const request = (resourceId: string, start: string, end: string, extra: Partial<CreateBookingInput> = {}) => ({
  resourceId,
  start,
  end,
  purpose: "Spotkanie",
  ...extra,
});

describe(`booking use-cases (${testDriver})`, () => {
  it("an instant resource approves at once; an approval resource leaves the request pending", async () => {
    const instant = await createResource(h.db, owner.id, { bookingMode: "instant" });
    const approval = await createResource(h.db, owner.id, { bookingMode: "approval" });
    const a = await createBooking(
      h.db,
      req,
      request(instant.id, "2026-05-06T10:00:00+02:00", "2026-05-06T12:00:00+02:00"),
      { now: NOW },
    );
    const b = await createBooking(
      h.db,
      req,
      request(approval.id, "2026-05-06T10:00:00+02:00", "2026-05-06T12:00:00+02:00"),
      { now: NOW },
    );
    expect(a).toMatchObject({ status: "approved", replayed: false, resourceId: instant.id, requesterId: requester.id });
    expect(iso(a.start)).toBe("2026-05-06T08:00:00.000Z");
    expect(iso(a.end)).toBe("2026-05-06T10:00:00.000Z");
    expect(b.status).toBe("pending");
    expect(await statusOf(a.id)).toBe("approved");
    expect(await statusOf(b.id)).toBe("pending");
    const [row] = await h.db.select().from(bookings).where(eq(bookings.id, a.id));
    expect(row).toMatchObject({ organisationId: requester.id, userId: req.userId, quantity: 1, purpose: "Spotkanie" });
    expect(row.decidedAt?.getTime()).toBe(NOW.getTime());
  });

  describe("rules are enforced on the server and returned as violations", () => {
    let strict: typeof resources.$inferSelect;
    let open: typeof resources.$inferSelect;

    beforeAll(async () => {
      strict = await createResource(h.db, owner.id, {
        bookingMode: "instant",
        minMinutes: 60,
        maxMinutes: 240,
        leadMinutes: 120,
        horizonDays: 30,
      });
      await setOpeningHours(h.db, strict.id, everyDay("08:00", "20:00"));
      await addBlackout(h.db, strict.id, at("2026-05-12T00:00:00+02:00"), at("2026-05-13T00:00:00+02:00"));
      open = await createResource(h.db, owner.id, { bookingMode: "instant" });
    });

    const tryBook = (resourceId: string, start: string, end: string, extra: Partial<CreateBookingInput> = {}) =>
      createBooking(h.db, req, request(resourceId, start, end, extra), { now: NOW });

    it("refuses each broken rule alone, by name, and writes nothing", async () => {
      const before = await bookingCount();
      const s = strict.id;
      expect(await violationsOf(tryBook(s, "2026-05-07T19:00:00+02:00", "2026-05-07T21:00:00+02:00"))).toEqual([
        "closed",
      ]);
      expect(await violationsOf(tryBook(s, "2026-05-07T07:00:00+02:00", "2026-05-07T09:00:00+02:00"))).toEqual([
        "closed",
      ]);
      expect(await violationsOf(tryBook(s, "2026-05-12T10:00:00+02:00", "2026-05-12T12:00:00+02:00"))).toEqual([
        "blackout",
      ]);
      // The evening before the blackout is still bookable.
      expect(await codeOf(tryBook(s, "2026-05-11T18:00:00+02:00", "2026-05-11T20:00:00+02:00"))).toBe("ok");
      // NOW is 10:00 local; the lead time is two hours.
      expect(await violationsOf(tryBook(s, "2026-05-04T11:00:00+02:00", "2026-05-04T13:00:00+02:00"))).toEqual([
        "too_soon",
      ]);
      expect(await codeOf(tryBook(s, "2026-05-04T12:00:00+02:00", "2026-05-04T14:00:00+02:00"))).toBe("ok");
      expect(await violationsOf(tryBook(s, "2026-06-04T10:15:00+02:00", "2026-06-04T12:00:00+02:00"))).toEqual([
        "too_far",
      ]);
      expect(await codeOf(tryBook(s, "2026-06-03T10:00:00+02:00", "2026-06-03T12:00:00+02:00"))).toBe("ok");
      expect(await violationsOf(tryBook(s, "2026-05-08T10:00:00+02:00", "2026-05-08T10:30:00+02:00"))).toEqual([
        "too_short",
      ]);
      expect(await violationsOf(tryBook(s, "2026-05-08T10:00:00+02:00", "2026-05-08T14:01:00+02:00"))).toEqual([
        "too_long",
      ]);
      expect(
        await violationsOf(tryBook(s, "2026-05-08T15:00:00+02:00", "2026-05-08T16:00:00+02:00", { quantity: 2 })),
      ).toEqual(["too_many_units"]);
      expect(await violationsOf(tryBook(open.id, "2026-05-04T09:00:00+02:00", "2026-05-04T11:00:00+02:00"))).toEqual([
        "in_past",
      ]);
      // Seconds make the period invalid; the other checks are then skipped.
      expect(await violationsOf(tryBook(s, "2026-05-08T10:00:30+02:00", "2026-05-08T12:00:00+02:00"))).toEqual([
        "invalid_period",
      ]);
      // Several broken rules are all reported, in a fixed order.
      expect(
        await violationsOf(tryBook(s, "2026-05-04T10:30:00+02:00", "2026-05-04T10:45:00+02:00", { quantity: 3 })),
      ).toEqual(["too_short", "too_soon", "too_many_units"]);
      // Three bookings above were "ok"; the refusals wrote nothing.
      expect(await bookingCount()).toBe(before + 3);
    });

    it("refuses an end before the start, and malformed input, before any rule", async () => {
      const before = await bookingCount();
      expect(await codeOf(tryBook(open.id, "2026-05-08T12:00:00+02:00", "2026-05-08T10:00:00+02:00"))).toBe("zod");
      expect(await codeOf(tryBook(open.id, "2026-05-08T12:00:00+02:00", "2026-05-08T12:00:00+02:00"))).toBe("zod");
      expect(await codeOf(tryBook(open.id, "2026-05-08T10:00:00", "2026-05-08T12:00:00"))).toBe("zod");
      expect(await codeOf(tryBook(open.id, "2026-05-08T10:00:00Z", "2026-05-08T12:00:00Z", { purpose: " " }))).toBe(
        "zod",
      );
      expect(await codeOf(tryBook(open.id, "2026-05-08T10:00:00Z", "2026-05-08T12:00:00Z", { quantity: 0 }))).toBe(
        "zod",
      );
      expect(await codeOf(tryBook(open.id, "2026-05-08T10:00:00Z", "2026-05-08T12:00:00Z", { quantity: -1 }))).toBe(
        "zod",
      );
      expect(
        await codeOf(tryBook("00000000-0000-4000-8000-000000000000", "2026-05-08T10:00:00Z", "2026-05-08T12:00:00Z")),
      ).toBe("not_found");
      expect(await bookingCount()).toBe(before);
    });

    it("does not let another organisation book an archived resource, nor anyone without a role", async () => {
      const archived = await createResource(h.db, owner.id, { status: "archived" });
      expect(await codeOf(tryBook(archived.id, "2026-05-08T10:00:00Z", "2026-05-08T12:00:00Z"))).toBe("not_found");
      expect(
        await codeOf(createBooking(h.db, null, request(open.id, "2026-05-08T10:00:00Z", "2026-05-08T12:00:00Z"))),
      ).toBe("unauthenticated");
    });
  });

  it("keeps the buffer free after each booking, in the database as well as in the alternatives", async () => {
    const hall = await createResource(h.db, owner.id, { bookingMode: "instant", bufferMinutes: 30 });
    await setOpeningHours(h.db, hall.id, everyDay("08:00", "20:00"));
    const book = (start: string, end: string) =>
      createBooking(h.db, req, request(hall.id, `2026-05-14T${start}:00+02:00`, `2026-05-14T${end}:00+02:00`), {
        now: NOW,
      });
    expect((await book("10:00", "12:00")).status).toBe("approved");
    // Inside the buffer after it, and a booking whose own buffer would run into it.
    const after = await outcome(book("12:15", "13:00"));
    expect(after.code).toBe("conflict");
    expect(await codeOf(book("12:00", "13:00"))).toBe("conflict");
    expect(await codeOf(book("09:00", "09:45"))).toBe("conflict");
    // The alternatives offered keep the buffer on both sides of the taken slot.
    const alternatives = after.details.alternatives as { start: string; end: string }[];
    expect(alternatives).toHaveLength(3);
    for (const alt of alternatives) {
      const [s, e] = [at(alt.start).getTime(), at(alt.end).getTime()];
      expect(e - s).toBe(45 * MINUTE);
      const takenStart = at("2026-05-14T10:00:00+02:00").getTime();
      const takenEnd = at("2026-05-14T12:00:00+02:00").getTime();
      expect(s >= takenEnd + 30 * MINUTE || e + 30 * MINUTE <= takenStart).toBe(true);
    }
    // Exactly at the buffer's edge, on both sides.
    expect((await book("12:30", "13:30")).status).toBe("approved");
    expect((await book("08:30", "09:30")).status).toBe("approved");
    // The alternatives themselves are bookable.
    const next = await outcome(book("12:30", "13:15"));
    expect(next.code).toBe("conflict");
    const [first] = next.details.alternatives as { start: string; end: string }[];
    const taken = await createBooking(h.db, req, request(hall.id, first.start, first.end), { now: NOW });
    expect(taken.status).toBe("approved");
  });

  describe("deciding and cancelling", () => {
    let hall: typeof resources.$inferSelect;
    let day = 0;
    /** A fresh pending request on its own day (so none collide). */
    const pending = async (actor: Actor = req) => {
      day += 1;
      const date = `2026-06-${String(day).padStart(2, "0")}`;
      return createBooking(h.db, actor, request(hall.id, `${date}T10:00:00+02:00`, `${date}T12:00:00+02:00`), {
        now: NOW,
      });
    };

    beforeAll(async () => {
      hall = await createResource(h.db, owner.id, { bookingMode: "approval" });
    });

    it("only the owner approves or declines; another organisation learns nothing", async () => {
      const a = await pending();
      expect(await codeOf(approveBooking(h.db, req, { bookingId: a.id }, NOW))).toBe("forbidden");
      expect(await codeOf(declineBooking(h.db, req2, { bookingId: a.id }, NOW))).toBe("forbidden");
      expect(await codeOf(approveBooking(h.db, other, { bookingId: a.id }, NOW))).toBe("not_found");
      expect(await codeOf(approveBooking(h.db, null, { bookingId: a.id }, NOW))).toBe("unauthenticated");
      expect(await codeOf(approveBooking(h.db, ownerMember, { bookingId: "nie-uuid" }, NOW))).toBe("zod");
      expect(await statusOf(a.id)).toBe("pending");

      expect(await approveBooking(h.db, ownerMember, { bookingId: a.id, note: "Zapraszamy" }, NOW)).toEqual({
        id: a.id,
        status: "approved",
      });
      const [row] = await h.db.select().from(bookings).where(eq(bookings.id, a.id));
      expect(row).toMatchObject({ status: "approved", decisionNote: "Zapraszamy", decidedBy: ownerMember.userId });

      const b = await pending();
      expect(await declineBooking(h.db, ownerAdmin, { bookingId: b.id, note: "Remont" }, NOW)).toEqual({
        id: b.id,
        status: "declined",
      });
      expect(await statusOf(b.id)).toBe("declined");
    });

    it("a decision on a booking that is not pending, or has started, is invalid_state", async () => {
      const a = await pending();
      await approveBooking(h.db, ownerAdmin, { bookingId: a.id }, NOW);
      expect(await codeOf(approveBooking(h.db, ownerAdmin, { bookingId: a.id }, NOW))).toBe("invalid_state");
      expect(await codeOf(declineBooking(h.db, ownerAdmin, { bookingId: a.id }, NOW))).toBe("invalid_state");
      const b = await pending();
      await declineBooking(h.db, ownerAdmin, { bookingId: b.id }, NOW);
      expect(await codeOf(approveBooking(h.db, ownerAdmin, { bookingId: b.id }, NOW))).toBe("invalid_state");
      const c = await pending();
      await cancelBooking(h.db, req, { bookingId: c.id }, NOW);
      expect(await codeOf(approveBooking(h.db, ownerAdmin, { bookingId: c.id }, NOW))).toBe("invalid_state");
      const d = await pending();
      expect(await codeOf(approveBooking(h.db, ownerAdmin, { bookingId: d.id }, d.start))).toBe("invalid_state");
      expect(await statusOf(d.id)).toBe("pending");
    });

    it("the requester cancels before the start, not after", async () => {
      const a = await pending();
      expect(await cancelBooking(h.db, req2, { bookingId: a.id }, NOW)).toEqual({ id: a.id, status: "cancelled" });
      const [row] = await h.db.select().from(bookings).where(eq(bookings.id, a.id));
      expect(row).toMatchObject({ status: "cancelled", cancelledBy: req2.userId, cancelReason: null });
      expect(await codeOf(cancelBooking(h.db, req, { bookingId: a.id }, NOW))).toBe("invalid_state");

      const b = await pending();
      await approveBooking(h.db, ownerAdmin, { bookingId: b.id }, NOW);
      const started = new Date(b.start.getTime() + MINUTE);
      const late = await outcome(cancelBooking(h.db, req, { bookingId: b.id }, started));
      expect(late).toEqual({ code: "rule_violation", details: { violations: ["already_started"] } });
      expect(await codeOf(cancelBooking(h.db, req, { bookingId: b.id }, b.start))).toBe("rule_violation");
      expect(await statusOf(b.id)).toBe("approved");
      expect(await codeOf(cancelBooking(h.db, other, { bookingId: b.id }, NOW))).toBe("not_found");
    });

    it("the owner cancels only with a reason, until the end", async () => {
      const a = await pending();
      await approveBooking(h.db, ownerAdmin, { bookingId: a.id }, NOW);
      const noReason = await outcome(cancelBooking(h.db, ownerMember, { bookingId: a.id }, NOW));
      expect(noReason.code).toBe("validation");
      expect(noReason.details).toMatchObject({ field: "note" });
      expect(await codeOf(cancelBooking(h.db, ownerMember, { bookingId: a.id, note: "   " }, NOW))).toBe("validation");
      expect(await statusOf(a.id)).toBe("approved");
      // During the booking the owner may still cancel (the hall flooded); after its end, no longer.
      const during = new Date(a.start.getTime() + HOUR);
      expect(await cancelBooking(h.db, ownerMember, { bookingId: a.id, note: "Zalana sala" }, during)).toEqual({
        id: a.id,
        status: "cancelled",
      });
      const [row] = await h.db.select().from(bookings).where(eq(bookings.id, a.id));
      expect(row).toMatchObject({ status: "cancelled", cancelReason: "Zalana sala", cancelledBy: ownerMember.userId });

      const b = await pending();
      await approveBooking(h.db, ownerAdmin, { bookingId: b.id }, NOW);
      expect(await codeOf(cancelBooking(h.db, ownerAdmin, { bookingId: b.id, note: "Za późno" }, b.end))).toBe(
        "rule_violation",
      );
      expect(await statusOf(b.id)).toBe("approved");
    });

    it("every state change writes an audit entry: who, what, before and after", async () => {
      const a = await pending();
      await approveBooking(h.db, ownerAdmin, { bookingId: a.id, note: "Tak" }, NOW);
      await cancelBooking(h.db, req, { bookingId: a.id }, NOW);
      const b = await pending();
      await declineBooking(h.db, ownerMember, { bookingId: b.id, note: "Nie" }, NOW);
      const c = await pending();
      await approveBooking(h.db, ownerAdmin, { bookingId: c.id }, NOW);
      await cancelBooking(h.db, ownerAdmin, { bookingId: c.id, note: "Awaria" }, NOW);

      const trail = async (id: string) =>
        (await auditOf(id)).map((e) => ({
          action: e.action,
          actor: e.actorUserId,
          organisation: e.organisationId,
          before: e.before,
          after: e.after,
        }));
      const [created, approved, cancelled] = await trail(a.id);
      expect(created).toMatchObject({
        action: "booking.create",
        actor: req.userId,
        organisation: requester.id,
        before: null,
        after: { resourceId: hall.id, status: "pending", quantity: 1, purpose: "Spotkanie" },
      });
      expect(created.after).toMatchObject({ start: iso(a.start), end: iso(a.end) });
      expect(approved).toEqual({
        action: "booking.approve",
        actor: ownerAdmin.userId,
        organisation: owner.id,
        before: { status: "pending" },
        after: { status: "approved", note: "Tak" },
      });
      expect(cancelled).toEqual({
        action: "booking.cancel",
        actor: req.userId,
        organisation: requester.id,
        before: { status: "approved" },
        after: { status: "cancelled", by: "requester", reason: null },
      });
      expect((await trail(b.id)).map((e) => e.action)).toEqual(["booking.create", "booking.decline"]);
      expect((await trail(b.id))[1]).toMatchObject({
        actor: ownerMember.userId,
        before: { status: "pending" },
        after: { status: "declined", note: "Nie" },
      });
      expect((await trail(c.id))[2]).toEqual({
        action: "booking.cancel",
        actor: ownerAdmin.userId,
        organisation: owner.id,
        before: { status: "approved" },
        after: { status: "cancelled", by: "owner", reason: "Awaria" },
      });
    });

    it("a refused change writes no audit entry", async () => {
      const a = await pending();
      const entries = (await auditOf(a.id)).length;
      await codeOf(approveBooking(h.db, req, { bookingId: a.id }, NOW));
      await codeOf(cancelBooking(h.db, ownerAdmin, { bookingId: a.id }, NOW));
      await codeOf(approveBooking(h.db, ownerAdmin, { bookingId: a.id }, a.end));
      expect(await auditOf(a.id)).toHaveLength(entries);
    });
  });

  it("an Idempotency-Key makes a retry return the first booking; another body with it is refused", async () => {
    const hall = await createResource(h.db, owner.id, { bookingMode: "approval" });
    const input = request(hall.id, "2026-05-20T10:00:00+02:00", "2026-05-20T12:00:00+02:00");
    const first = await createBooking(h.db, req, input, { now: NOW, idempotencyKey: "retry-key-0001" });
    // Another member of the same organisation retries, with the instants written differently.
    const again = await createBooking(
      h.db,
      req2,
      { ...input, start: "2026-05-20T08:00:00Z", end: "2026-05-20T10:00:00.000Z" },
      { now: NOW, idempotencyKey: "retry-key-0001" },
    );
    expect(first.replayed).toBe(false);
    expect(again).toMatchObject({ id: first.id, replayed: true, status: "pending" });
    const rows = await h.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.resourceId, hall.id));
    expect(rows).toEqual([{ id: first.id }]);
    expect((await auditOf(first.id)).map((e) => e.action)).toEqual(["booking.create"]);

    expect(
      await codeOf(
        createBooking(h.db, req, { ...input, purpose: "Inny cel" }, { now: NOW, idempotencyKey: "retry-key-0001" }),
      ),
    ).toBe("idempotency_mismatch");
    expect(
      await codeOf(
        createBooking(h.db, req, { ...input, quantity: 1, note: "x" }, { now: NOW, idempotencyKey: "retry-key-0001" }),
      ),
    ).toBe("idempotency_mismatch");
    expect(await codeOf(createBooking(h.db, req, input, { now: NOW, idempotencyKey: "short" }))).toBe("zod");
    // Keys belong to an organisation: the stranger's same key is a new request (which then finds the slot taken).
    expect(await codeOf(createBooking(h.db, other, input, { now: NOW, idempotencyKey: "retry-key-0001" }))).toBe(
      "conflict",
    );
    const rowsAfter = await h.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.resourceId, hall.id));
    expect(rowsAfter).toHaveLength(1);
  });

  it("sweepBookings expires pending requests at their start and completes approved bookings after their end", async () => {
    // Early 2025, before every other booking of this file, so the sweep touches only these.
    const past = at("2025-01-01T00:00:00Z");
    const approval = await createResource(h.db, owner.id, { bookingMode: "approval" });
    const instant = await createResource(h.db, owner.id, { bookingMode: "instant" });
    const p = await createBooking(h.db, req, request(approval.id, "2025-02-03T10:00:00Z", "2025-02-03T12:00:00Z"), {
      now: past,
    });
    const a = await createBooking(h.db, req, request(instant.id, "2025-02-03T09:00:00Z", "2025-02-03T11:00:00Z"), {
      now: past,
    });
    expect(await sweepBookings(h.db, at("2025-02-03T09:59:59Z"))).toEqual({ expired: 0, completed: 0 });
    expect(await sweepBookings(h.db, at("2025-02-03T10:00:00Z"))).toEqual({ expired: 1, completed: 0 });
    expect(await statusOf(p.id)).toBe("expired");
    expect(await statusOf(a.id)).toBe("approved");
    expect(await sweepBookings(h.db, at("2025-02-03T10:59:59Z"))).toEqual({ expired: 0, completed: 0 });
    expect(await sweepBookings(h.db, at("2025-02-03T11:00:00Z"))).toEqual({ expired: 0, completed: 1 });
    expect(await statusOf(a.id)).toBe("completed");
    // Idempotent.
    expect(await sweepBookings(h.db, at("2025-02-03T11:00:00Z"))).toEqual({ expired: 0, completed: 0 });

    const [expiredEntry] = (await auditOf(p.id)).filter((e) => e.action !== "booking.create");
    expect(expiredEntry).toMatchObject({
      action: "booking.expire",
      actorUserId: null,
      organisationId: requester.id,
      before: { status: "pending" },
      after: { status: "expired" },
    });
    expect(expiredEntry.at.toISOString()).toBe("2025-02-03T10:00:00.000Z");
    expect((await auditOf(a.id)).map((e) => [e.action, e.before, e.after])).toEqual([
      ["booking.create", null, expect.objectContaining({ status: "approved" })],
      ["booking.complete", { status: "approved" }, { status: "completed" }],
    ]);
    // An expired request frees its slot.
    const again = await createBooking(h.db, req, request(approval.id, "2025-02-03T10:00:00Z", "2025-02-03T12:00:00Z"), {
      now: past,
    });
    expect(again.status).toBe("pending");
  });

  it("records the handover and return of equipment, not of premises", async () => {
    const projector = await createResource(h.db, owner.id, { kind: "equipment", quantity: 3, bookingMode: "instant" });
    const room = await createResource(h.db, owner.id, { kind: "premises", bookingMode: "instant" });
    const lent = await createBooking(
      h.db,
      req,
      request(projector.id, "2026-05-21T10:00:00+02:00", "2026-05-21T18:00:00+02:00", { quantity: 2 }),
      { now: NOW },
    );
    const handedAt = at("2026-05-21T07:50:00Z");
    const returnedAt = at("2026-05-21T16:10:00Z");

    expect(await codeOf(recordHandover(h.db, req, { bookingId: lent.id, step: "handed_over" }, handedAt))).toBe(
      "forbidden",
    );
    expect(await codeOf(recordHandover(h.db, other, { bookingId: lent.id, step: "handed_over" }, handedAt))).toBe(
      "not_found",
    );
    expect(await codeOf(recordHandover(h.db, ownerMember, { bookingId: lent.id, step: "returned" }, handedAt))).toBe(
      "invalid_state",
    );
    expect(await recordHandover(h.db, ownerMember, { bookingId: lent.id, step: "handed_over" }, handedAt)).toEqual({
      id: lent.id,
      step: "handed_over",
    });
    expect(await codeOf(recordHandover(h.db, ownerMember, { bookingId: lent.id, step: "handed_over" }, handedAt))).toBe(
      "invalid_state",
    );
    await recordHandover(
      h.db,
      ownerAdmin,
      { bookingId: lent.id, step: "returned", note: "Porysowana obudowa" },
      returnedAt,
    );
    expect(await codeOf(recordHandover(h.db, ownerAdmin, { bookingId: lent.id, step: "returned" }, returnedAt))).toBe(
      "invalid_state",
    );
    const [row] = await h.db.select().from(bookings).where(eq(bookings.id, lent.id));
    expect(row).toMatchObject({
      handedOverBy: ownerMember.userId,
      returnedBy: ownerAdmin.userId,
      conditionNote: "Porysowana obudowa",
      status: "approved",
    });
    expect(row.handedOverAt?.getTime()).toBe(handedAt.getTime());
    expect(row.returnedAt?.getTime()).toBe(returnedAt.getTime());
    expect((await auditOf(lent.id)).slice(1).map((e) => [e.action, e.actorUserId, e.after])).toEqual([
      ["booking.handed_over", ownerMember.userId, { step: "handed_over", note: null }],
      ["booking.returned", ownerAdmin.userId, { step: "returned", note: "Porysowana obudowa" }],
    ]);

    const hall = await createBooking(
      h.db,
      req,
      request(room.id, "2026-05-21T10:00:00+02:00", "2026-05-21T12:00:00+02:00"),
      {
        now: NOW,
      },
    );
    const premises = await outcome(recordHandover(h.db, ownerAdmin, { bookingId: hall.id, step: "handed_over" }, NOW));
    expect(premises).toEqual({ code: "rule_violation", details: { violations: ["not_equipment"] } });

    const approvalKit = await createResource(h.db, owner.id, { kind: "equipment", bookingMode: "approval" });
    const waiting = await createBooking(
      h.db,
      req,
      request(approvalKit.id, "2026-05-21T10:00:00+02:00", "2026-05-21T12:00:00+02:00"),
      { now: NOW },
    );
    expect(await codeOf(recordHandover(h.db, ownerAdmin, { bookingId: waiting.id, step: "handed_over" }, NOW))).toBe(
      "invalid_state",
    );
    expect((await auditOf(hall.id)).map((e) => e.action)).toEqual(["booking.create"]);
  });

  describe("listing and reading", () => {
    let ids: { outgoingPending: string; outgoingApproved: string; incoming: string; strangers: string };

    beforeAll(async () => {
      const lendable = await createResource(h.db, owner.id, { bookingMode: "approval" });
      const ownLendable = await createResource(h.db, requester.id, { bookingMode: "instant" });
      const strangerHall = await createResource(h.db, stranger.id, { bookingMode: "instant" });
      const p = await createBooking(
        h.db,
        req,
        request(lendable.id, "2026-07-01T10:00:00+02:00", "2026-07-01T12:00:00+02:00", { purpose: "L-pending" }),
        { now: NOW },
      );
      const q = await createBooking(
        h.db,
        req,
        request(lendable.id, "2026-07-02T10:00:00+02:00", "2026-07-02T12:00:00+02:00", { purpose: "L-approved" }),
        { now: NOW },
      );
      await approveBooking(h.db, ownerAdmin, { bookingId: q.id }, NOW);
      // The owner borrows from the requester: incoming for the requester.
      const r = await createBooking(
        h.db,
        ownerMember,
        request(ownLendable.id, "2026-07-03T10:00:00+02:00", "2026-07-03T12:00:00+02:00", { purpose: "L-incoming" }),
        { now: NOW },
      );
      // The stranger books the stranger's own hall; nobody else is a party to it.
      const s = await createBooking(
        h.db,
        other,
        request(strangerHall.id, "2026-07-01T10:00:00+02:00", "2026-07-01T12:00:00+02:00", { purpose: "L-stranger" }),
        { now: NOW },
      );
      ids = { outgoingPending: p.id, outgoingApproved: q.id, incoming: r.id, strangers: s.id };
    });

    const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);
    const july = { from: "2026-07-01T00:00:00Z", to: "2026-08-01T00:00:00Z" };

    it("outgoing, incoming and all, by status, in time order", async () => {
      const out = idsOf(await listBookings(h.db, req, { scope: "outgoing", ...july }));
      expect(out).toEqual([ids.outgoingPending, ids.outgoingApproved]);
      const inc = idsOf(await listBookings(h.db, req, { scope: "incoming", ...july }));
      expect(inc).toEqual([ids.incoming]);
      const all = idsOf(await listBookings(h.db, req, july));
      expect(all).toEqual([ids.outgoingPending, ids.outgoingApproved, ids.incoming]);
      const pendingOnly = await listBookings(h.db, req, { scope: "outgoing", status: "pending" });
      expect(pendingOnly.every((b) => b.status === "pending")).toBe(true);
      expect(idsOf(pendingOnly)).toContain(ids.outgoingPending);
      expect(idsOf(pendingOnly)).not.toContain(ids.outgoingApproved);
      const two = idsOf(
        await listBookings(h.db, req, {
          status: "approved,pending",
          from: "2026-07-01T00:00:00Z",
          to: "2026-07-02T23:00:00Z",
        }),
      );
      expect(two).toEqual([ids.outgoingPending, ids.outgoingApproved]);
      // The owner sees the same requests as incoming.
      const ownerIncoming = idsOf(await listBookings(h.db, ownerAdmin, { scope: "incoming", ...july }));
      expect(ownerIncoming).toEqual([ids.outgoingPending, ids.outgoingApproved]);
      const latestFirst = idsOf(await listBookings(h.db, req, july, "desc"));
      expect(latestFirst).toEqual([ids.incoming, ids.outgoingApproved, ids.outgoingPending]);
    });

    it("never shows another organisation's bookings", async () => {
      for (const actor of [req, ownerAdmin]) {
        for (const scope of ["outgoing", "incoming", "all"] as const) {
          const rows = await listBookings(h.db, actor, { scope, limit: 500 });
          expect(idsOf(rows)).not.toContain(ids.strangers);
          for (const row of rows) {
            expect([row.requesterId, row.ownerId]).toContain(actor.organisationId);
          }
        }
      }
      const strangers = await listBookings(h.db, other, { limit: 500 });
      expect(idsOf(strangers)).toContain(ids.strangers);
      expect(idsOf(strangers)).not.toContain(ids.outgoingPending);
    });

    it("refuses bad filters, and nobody anonymous", async () => {
      expect(await codeOf(listBookings(h.db, req, { scope: "mine" as never }))).toBe("zod");
      expect(await codeOf(listBookings(h.db, req, { status: "pending,lost" }))).toBe("zod");
      expect(await codeOf(listBookings(h.db, req, { limit: 0 }))).toBe("zod");
      expect(await codeOf(listBookings(h.db, null))).toBe("unauthenticated");
    });

    it("getBooking answers a party and tells anyone else not_found", async () => {
      expect((await getBooking(h.db, req, ids.outgoingPending)).id).toBe(ids.outgoingPending);
      expect((await getBooking(h.db, ownerMember, ids.outgoingPending)).requesterId).toBe(requester.id);
      expect(await codeOf(getBooking(h.db, other, ids.outgoingPending))).toBe("not_found");
      expect(await codeOf(getBooking(h.db, req, ids.strangers))).toBe("not_found");
      expect(await codeOf(getBooking(h.db, req, "00000000-0000-4000-8000-000000000000"))).toBe("not_found");
      expect(await codeOf(getBooking(h.db, req, "'; DROP TABLE bookings; --"))).toBe("not_found");
      expect(await codeOf(getBooking(h.db, null, ids.outgoingPending))).toBe("unauthenticated");
    });
  });
});

/**
 * Opening hours are wall-clock times in Europe/Warsaw, whatever zone the process runs in: this block also runs
 * with `TZ=America/New_York`.
 */
describe(`daylight saving time in Europe/Warsaw (${testDriver}, process TZ ${Intl.DateTimeFormat().resolvedOptions().timeZone})`, () => {
  const before = at("2026-03-01T00:00:00Z");
  const hours = async (id: string) => {
    const [row] = await h.query<{ hours: string | number }>(
      "SELECT extract(epoch from upper(period) - lower(period)) / 3600 AS hours FROM bookings WHERE id = $1",
      [id],
    );
    return Number(row.hours);
  };

  it("a hall open 08:00–16:00 every day takes exactly 08:00–16:00 local on both sides of each change", async () => {
    const hall = await createResource(h.db, owner.id, { bookingMode: "instant", maxMinutes: 8 * 60 });
    await setOpeningHours(h.db, hall.id, everyDay("08:00", "16:00"));
    const days: [string, string, string][] = [
      ["2026-03-28", "07:00", "15:00"], // CET, +01:00
      ["2026-03-29", "06:00", "14:00"], // CEST from 02:00 that night
      ["2026-10-24", "06:00", "14:00"], // CEST
      ["2026-10-25", "07:00", "15:00"], // CET from 03:00 that night
    ];
    for (const [date, startZ, endZ] of days) {
      const booking = await createBooking(h.db, req, request(hall.id, `${date}T${startZ}:00Z`, `${date}T${endZ}:00Z`), {
        now: before,
      });
      expect(booking.status, date).toBe("approved");
      expect(iso(booking.start), date).toBe(`${date}T${startZ}:00.000Z`);
      expect(await hours(booking.id), date).toBe(8);
      // 07:30 local is before opening, on each of these days.
      const early = date < "2026-03-29" || date > "2026-10-24" ? "06:30" : "05:30";
      const refused = await violationsOf(
        createBooking(h.db, req, request(hall.id, `${date}T${early}:00Z`, `${date}T${startZ}:00Z`), { now: before }),
      );
      expect(refused, date).toEqual(["closed"]);
    }
    // The same instants as written in local time with the offset.
    const local = await createBooking(
      h.db,
      req2,
      request(hall.id, "2026-03-30T08:00:00+02:00", "2026-03-30T16:00:00+02:00"),
      { now: before },
    );
    expect(iso(local.start)).toBe("2026-03-30T06:00:00.000Z");
    // Taking the winter offset on the first summer day would mean 09:00–17:00 local: past closing time.
    expect(
      await violationsOf(
        createBooking(h.db, req, request(hall.id, "2026-03-31T07:00:00Z", "2026-03-31T15:00:00Z"), { now: before }),
      ),
    ).toEqual(["closed"]);
  });

  it("a night across the autumn change lasts 7 real hours and is measured so against maxMinutes", async () => {
    const sevenHours = await createResource(h.db, owner.id, { bookingMode: "instant", maxMinutes: 420 });
    const sixHours = await createResource(h.db, owner.id, { bookingMode: "instant", maxMinutes: 360 });
    const night = ["2026-10-25T00:00:00+02:00", "2026-10-25T06:00:00+01:00"] as const;
    const ok = await createBooking(h.db, req, request(sevenHours.id, ...night), { now: before });
    expect(ok.status).toBe("approved");
    expect(iso(ok.start)).toBe("2026-10-24T22:00:00.000Z");
    expect(iso(ok.end)).toBe("2026-10-25T05:00:00.000Z");
    expect(await hours(ok.id)).toBe(7);
    expect(await violationsOf(createBooking(h.db, req, request(sixHours.id, ...night), { now: before }))).toEqual([
      "too_long",
    ]);
    // And a spring night is one hour shorter than the clock says: 00:00–06:00 local is 5 hours.
    const spring = await createBooking(
      h.db,
      req,
      request(sixHours.id, "2026-03-29T00:00:00+01:00", "2026-03-29T06:00:00+02:00"),
      { now: before },
    );
    expect(await hours(spring.id)).toBe(5);
  });
});
