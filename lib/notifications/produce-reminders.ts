import { sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { nudgeDelivery } from "@/lib/mail/wake";
import { rowsOf } from "@/lib/resources/booking-context";
import { type BookingParties, bookingNotice, loadBookingParties } from "./booking-notices";
import type { NoticeKind } from "./kinds";
import { type Notice, notify } from "./notify";

export const REMINDERS = {
  /** Both sides hear of an approved booking this long before it starts. */
  beforeStartHours: 24,
  /** The owner is reminded of a request that has waited this long. */
  pendingHours: 48,
  /** Equipment not marked returned is reminded of if it ended at most this long ago (older ones are history). */
  returnWindowDays: 7,
} as const;

type ReminderKey = "day_before" | "pending_48h" | "not_returned";

/**
 * Produces due reminders: the day before an approved booking starts (both sides), a request waiting more than 48 hours
 * (the owner), equipment not marked returned after its end (both sides). Idempotent: each (booking, reminder) is
 * claimed by inserting its key into `booking_reminders`; with several instances the second insert of a key waits for
 * the first and then does nothing, so each reminder is written once, in the transaction that claimed it.
 */
export async function produceReminders(db: Db, now = new Date()) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const claim = async (tx: Db, kind: ReminderKey, due: ReturnType<typeof sql>) =>
    rowsOf<{ booking_id: string }>(
      await tx.execute(sql`
        insert into booking_reminders (booking_id, kind, created_at)
        select b.id, ${kind}, ${at} from bookings b join resources r on r.id = b.resource_id
        where b.organisation_id <> r.organisation_id and ${due}
        on conflict do nothing
        returning booking_id`),
    ).map((r) => r.booking_id);

  const counts = await db.transaction(async (tx) => {
    const dayBefore = await claim(
      tx,
      "day_before",
      sql`b.status = 'approved' and lower(b.period) > ${at}
          and lower(b.period) <= ${at} + make_interval(hours => ${REMINDERS.beforeStartHours})`,
    );
    const pending = await claim(
      tx,
      "pending_48h",
      sql`b.status = 'pending' and lower(b.period) > ${at}
          and b.created_at <= ${at} - make_interval(hours => ${REMINDERS.pendingHours})`,
    );
    const unreturned = await claim(
      tx,
      "not_returned",
      sql`r.kind = 'equipment' and b.status in ('approved', 'completed') and b.returned_at is null
          and upper(b.period) <= ${at} and upper(b.period) > ${at} - make_interval(days => ${REMINDERS.returnWindowDays})`,
    );
    const parties = new Map(
      (await loadBookingParties(tx, [...dayBefore, ...pending, ...unreturned])).map((b) => [b.id, b]),
    );
    const to = (kind: NoticeKind, b: BookingParties, side: "owner" | "requester"): Notice =>
      bookingNotice(kind, {
        bookingId: b.id,
        to: side === "owner" ? b.ownerId : b.requesterId,
        resourceName: b.resourceName,
        counterpart: side === "owner" ? b.requesterName : b.ownerName,
        period: b,
      });
    const notices: Notice[] = [];
    for (const id of dayBefore) {
      const b = parties.get(id);
      if (b) notices.push(to("reminder_start", b, "requester"), to("reminder_start", b, "owner"));
    }
    for (const id of pending) {
      const b = parties.get(id);
      if (b) notices.push(to("reminder_pending", b, "owner"));
    }
    for (const id of unreturned) {
      const b = parties.get(id);
      if (b) notices.push(to("reminder_return", b, "requester"), to("reminder_return", b, "owner"));
    }
    await notify(tx, notices, now);
    return { dayBefore: dayBefore.length, pending: pending.length, unreturned: unreturned.length };
  });
  if (counts.dayBefore + counts.pending + counts.unreturned > 0) nudgeDelivery();
  return counts;
}
