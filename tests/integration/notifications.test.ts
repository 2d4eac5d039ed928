import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import { bookings, notifications, outboxMessages } from "@/db/schema";
import { cancelBooking } from "@/lib/bookings/cancel-booking";
import { createBooking } from "@/lib/bookings/create-booking";
import { approveBooking, declineBooking } from "@/lib/bookings/decide-booking";
import { createRecurringBooking } from "@/lib/bookings/recurring-bookings";
import { sweepBookings } from "@/lib/bookings/sweep-bookings";
import { getEmailPreferences, updateEmailPreferences } from "@/lib/notifications/email-preferences";
import { countUnread, listNotifications, markNotificationsRead } from "@/lib/notifications/list-notifications";
import { produceReminders } from "@/lib/notifications/produce-reminders";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createMember, createOrganisation, createResource, createBooking as insertBooking } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const T0 = new Date("2027-04-05T08:00:00Z");
const hoursLater = (n: number) => new Date(T0.getTime() + n * 3_600_000);

async function scene(resource: Parameters<typeof createResource>[2] = {}) {
  const owner = await createOrganisation(h.db);
  const borrower = await createOrganisation(h.db);
  const ownerAdmin = await createMember(h.db, owner.id, "admin");
  const ownerMember = await createMember(h.db, owner.id, "member");
  const requester = await createMember(h.db, borrower.id, "member");
  const requesterColleague = await createMember(h.db, borrower.id, "member");
  const hall = await createResource(h.db, owner.id, { name: "Sala parafialna", bookingMode: "approval", ...resource });
  return { owner, borrower, ownerAdmin, ownerMember, requester, requesterColleague, hall };
}

const kindsOf = async (userId: string) =>
  (await h.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind).sort();
const mailsTo = async (address: string) =>
  (await h.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, address))).map((m) => m.kind).sort();

describe(`in-app notifications and reminders (${testDriver})`, () => {
  it("tells the owner of a request and the requester of the decision, with an unread count", async () => {
    const s = await scene();
    const b = await createBooking(
      h.db,
      s.requester.actor,
      {
        resourceId: s.hall.id,
        start: hoursLater(30).toISOString(),
        end: hoursLater(32).toISOString(),
        purpose: "Próba chóru",
      },
      { now: T0 },
    );
    expect(await kindsOf(s.ownerAdmin.user.id)).toEqual(["booking_request"]);
    expect(await kindsOf(s.ownerMember.user.id)).toEqual(["booking_request"]);
    expect(await kindsOf(s.requester.user.id)).toEqual([]);
    expect(await countUnread(h.db, s.ownerAdmin.actor)).toBe(1);
    const [n] = await listNotifications(h.db, s.ownerAdmin.actor);
    expect(n).toMatchObject({ kind: "booking_request", link: `/bookings/${b.id}`, readAt: null });
    expect(n.params).toMatchObject({ resource: "Sala parafialna", organisation: s.borrower.name });

    await approveBooking(h.db, s.ownerAdmin.actor, { bookingId: b.id, note: "Klucz w portierni" }, T0);
    // The whole requesting organisation hears, except nobody on the deciding side.
    expect(await kindsOf(s.requester.user.id)).toEqual(["booking_approved"]);
    expect(await kindsOf(s.requesterColleague.user.id)).toEqual(["booking_approved"]);
    expect(await kindsOf(s.ownerMember.user.id)).toEqual(["booking_request"]);

    // Reading: one at a time (only one's own), then all.
    const { link } = await markNotificationsRead(h.db, s.ownerAdmin.actor, n.id, T0);
    expect(link).toBe(`/bookings/${b.id}`);
    expect(await countUnread(h.db, s.ownerAdmin.actor)).toBe(0);
    const [theirs] = await listNotifications(h.db, s.requester.actor);
    await expect(markNotificationsRead(h.db, s.ownerAdmin.actor, theirs.id, T0)).rejects.toMatchObject({
      code: "not_found",
    });
    await markNotificationsRead(h.db, s.requester.actor, undefined, T0);
    expect(await countUnread(h.db, s.requester.actor)).toBe(0);
    expect(await countUnread(h.db, null)).toBe(0);
    await expect(listNotifications(h.db, null)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("tells of declines, cancellations (the other side), series and expiry", async () => {
    const s = await scene();
    const mk = (h0: number) =>
      createBooking(
        h.db,
        s.requester.actor,
        {
          resourceId: s.hall.id,
          start: hoursLater(h0).toISOString(),
          end: hoursLater(h0 + 1).toISOString(),
          purpose: "X",
        },
        { now: T0 },
      );
    const declined = await mk(40);
    await declineBooking(h.db, s.ownerAdmin.actor, { bookingId: declined.id, note: "Remont" }, T0);
    const byRequester = await mk(50);
    await cancelBooking(h.db, s.requester.actor, { bookingId: byRequester.id }, T0);
    const byOwner = await mk(60);
    await cancelBooking(h.db, s.ownerAdmin.actor, { bookingId: byOwner.id, note: "Awaria ogrzewania" }, T0);
    const expiring = await mk(70);
    await sweepBookings(h.db, hoursLater(70));

    expect(await kindsOf(s.requester.user.id)).toEqual(["booking_cancelled", "booking_declined", "booking_expired"]);
    expect(await kindsOf(s.ownerMember.user.id)).toEqual([
      "booking_cancelled",
      "booking_request",
      "booking_request",
      "booking_request",
      "booking_request",
    ]);
    const [declinedNotice] = await h.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, s.requester.user.id), eq(notifications.kind, "booking_declined")));
    expect(declinedNotice.params.reason).toBe("Remont");
    expect(expiring.id).toBeTruthy();

    const series = await createRecurringBooking(
      h.db,
      s.requester.actor,
      {
        resourceId: s.hall.id,
        frequency: "weekly",
        weekdays: [3],
        startDate: "2027-04-14",
        startTime: "10:00",
        endTime: "11:00",
        count: 4,
        purpose: "Zajęcia",
      },
      T0,
    );
    expect(series.created).toBe(4);
    const seriesNotices = await h.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, s.ownerAdmin.user.id), eq(notifications.kind, "series_request")));
    expect(seriesNotices).toHaveLength(1);
    expect(seriesNotices[0].params.count).toBe(4);
  });

  it("honours each person's e-mail choices; the in-app notice is always there", async () => {
    const s = await scene();
    expect((await getEmailPreferences(h.db, s.ownerMember.actor)).categories.requests).toBe(true);
    await updateEmailPreferences(h.db, s.ownerMember.actor, {
      locale: "en",
      requests: "",
      decisions: "on",
      reminders: "on",
      partnership: "on",
    } as never);
    const prefs = await getEmailPreferences(h.db, s.ownerMember.actor);
    expect(prefs).toEqual({
      locale: "en",
      categories: { requests: false, decisions: true, reminders: true, partnership: true },
    });
    await createBooking(
      h.db,
      s.requester.actor,
      { resourceId: s.hall.id, start: hoursLater(80).toISOString(), end: hoursLater(81).toISOString(), purpose: "Y" },
      { now: T0 },
    );
    expect(await mailsTo(s.ownerMember.user.email)).toEqual([]);
    expect(await kindsOf(s.ownerMember.user.id)).toEqual(["booking_request"]);
    expect(await mailsTo(s.ownerAdmin.user.email)).toEqual(["booking_request"]);
    await expect(getEmailPreferences(h.db, null)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("writes nothing when an organisation books its own resource, and nothing when the booking is refused", async () => {
    const s = await scene({ bookingMode: "instant" });
    await createBooking(
      h.db,
      s.ownerMember.actor,
      { resourceId: s.hall.id, start: hoursLater(90).toISOString(), end: hoursLater(91).toISOString(), purpose: "Own" },
      { now: T0 },
    );
    expect(await kindsOf(s.ownerAdmin.user.id)).toEqual([]);
    const before = (await h.db.select().from(notifications)).length;
    await expect(
      createBooking(
        h.db,
        s.requester.actor,
        {
          resourceId: s.hall.id,
          start: hoursLater(90).toISOString(),
          end: hoursLater(91).toISOString(),
          purpose: "Clash",
        },
        { now: T0 },
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await h.db.select().from(notifications)).length).toBe(before);
    // An instant booking of another's resource is announced to the owner.
    await createBooking(
      h.db,
      s.requester.actor,
      {
        resourceId: s.hall.id,
        start: hoursLater(95).toISOString(),
        end: hoursLater(96).toISOString(),
        purpose: "Instant",
      },
      { now: T0 },
    );
    expect(await kindsOf(s.ownerAdmin.user.id)).toEqual(["booking_created"]);
  });

  it("produces each reminder once, even with two jobs at once", async () => {
    const s = await scene();
    const tents = await createResource(h.db, s.owner.id, { kind: "equipment", name: "Namiot wojskowy", quantity: 3 });
    const base = { organisationId: s.borrower.id, userId: s.requester.user.id };
    // Approved, starting in 20 hours: the day-before reminder for both sides.
    await insertBooking(h.db, { ...base, resourceId: s.hall.id, start: hoursLater(20), end: hoursLater(22) });
    // Pending for three days, starting in a week: the owner is reminded.
    await insertBooking(h.db, {
      ...base,
      resourceId: s.hall.id,
      status: "pending",
      start: hoursLater(170),
      end: hoursLater(171),
      createdAt: hoursLater(-72),
    });
    // Pending for a day only: not yet.
    await insertBooking(h.db, {
      ...base,
      resourceId: s.hall.id,
      status: "pending",
      start: hoursLater(180),
      end: hoursLater(181),
      createdAt: hoursLater(-24),
    });
    // Equipment that ended yesterday and is not marked returned: both sides.
    await insertBooking(h.db, {
      ...base,
      resourceId: tents.id,
      status: "completed",
      start: hoursLater(-48),
      end: hoursLater(-20),
    });
    // Returned: nothing.
    await insertBooking(h.db, {
      ...base,
      resourceId: tents.id,
      status: "completed",
      start: hoursLater(-48),
      end: hoursLater(-20),
      returnedAt: hoursLater(-19),
    });

    const [a, b] = await Promise.all([produceReminders(h.db, T0), produceReminders(h.db, T0)]);
    expect(a.dayBefore + b.dayBefore).toBe(1);
    expect(a.pending + b.pending).toBe(1);
    expect(a.unreturned + b.unreturned).toBe(1);
    expect(await produceReminders(h.db, hoursLater(1))).toEqual({ dayBefore: 0, pending: 0, unreturned: 0 });

    expect(await kindsOf(s.requester.user.id)).toEqual(["reminder_return", "reminder_start"]);
    expect(await kindsOf(s.ownerAdmin.user.id)).toEqual(["reminder_pending", "reminder_return", "reminder_start"]);
    expect(await mailsTo(s.ownerAdmin.user.email)).toEqual(["reminder_pending", "reminder_return", "reminder_start"]);
    const stillPending = await h.db.select().from(bookings).where(eq(bookings.status, "pending"));
    expect(stillPending.length).toBeGreaterThanOrEqual(2);
  });
});
