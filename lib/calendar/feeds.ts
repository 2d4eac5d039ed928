import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { bookings, calendarFeeds, organisations, resources } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { selectBookingViews } from "@/lib/bookings/booking-view";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translate";
import { hashToken, newToken } from "@/lib/members/tokens";
import { type CalendarEvent, toICalendar } from "./ical";

const DAY = 86_400_000;

export const calendarFeedSchema = z.object({ resourceId: z.uuid("not_found").optional() });

/**
 * A new secret feed URL for the actor's organisation (its bookings, borrowing and lending) or for one resource.
 * The previous link of the same feed stops working: a link that leaked is revoked by making a new one.
 */
export async function createCalendarFeed(db: Db, actor: Actor | null, input: z.input<typeof calendarFeedSchema>) {
  assertCan(actor, "organisation.view");
  const { resourceId } = calendarFeedSchema.parse(input);
  if (resourceId) {
    const [r] = await db
      .select({ id: resources.id })
      .from(resources)
      .where(and(eq(resources.id, resourceId), eq(resources.status, "active")));
    if (!r) throw new AppError("not_found");
  }
  const token = newToken();
  return db.transaction(async (tx) => {
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(calendarFeeds.organisationId, actor.organisationId),
          resourceId ? eq(calendarFeeds.resourceId, resourceId) : isNull(calendarFeeds.resourceId),
          isNull(calendarFeeds.revokedAt),
        ),
      );
    const [feed] = await tx
      .insert(calendarFeeds)
      .values({
        organisationId: actor.organisationId,
        resourceId: resourceId ?? null,
        tokenHash: hashToken(token),
        createdBy: actor.userId,
      })
      .returning({ id: calendarFeeds.id });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "calendar_feed.create",
      entityType: "calendar_feed",
      entityId: feed.id,
      after: { resourceId: resourceId ?? null },
    });
    return { id: feed.id, token, path: `/api/calendar/${token}` };
  });
}

export const revokeCalendarFeedSchema = z.object({ feedId: z.uuid("not_found") });

export async function revokeCalendarFeed(db: Db, actor: Actor | null, input: z.input<typeof revokeCalendarFeedSchema>) {
  assertCan(actor, "organisation.view");
  const { feedId } = revokeCalendarFeedSchema.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(calendarFeeds.id, feedId),
          eq(calendarFeeds.organisationId, actor.organisationId),
          isNull(calendarFeeds.revokedAt),
        ),
      )
      .returning({ id: calendarFeeds.id });
    if (!row) throw new AppError("not_found");
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "calendar_feed.revoke",
      entityType: "calendar_feed",
      entityId: row.id,
    });
  });
}

/** The organisation's active feeds (the links themselves are shown only when made). */
export async function listCalendarFeeds(db: Db, actor: Actor | null) {
  assertCan(actor, "organisation.view");
  return db
    .select({
      id: calendarFeeds.id,
      resourceId: calendarFeeds.resourceId,
      resourceName: resources.name,
      createdAt: calendarFeeds.createdAt,
    })
    .from(calendarFeeds)
    .leftJoin(resources, eq(resources.id, calendarFeeds.resourceId))
    .where(and(eq(calendarFeeds.organisationId, actor.organisationId), isNull(calendarFeeds.revokedAt)))
    .orderBy(calendarFeeds.createdAt);
}

const icalStatus = (s: string): CalendarEvent["status"] => (s === "pending" ? "TENTATIVE" : "CONFIRMED");

/**
 * The iCalendar text behind a feed token, or null for an unknown or revoked token. Purposes appear only for
 * bookings the feed's organisation made or received; another organisation's booking of a resource reads "busy".
 */
export async function renderCalendarFeed(
  db: Db,
  token: string,
  locale: Locale,
  now = new Date(),
): Promise<string | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const [feed] = await db
    .select({
      organisationId: calendarFeeds.organisationId,
      resourceId: calendarFeeds.resourceId,
      orgName: organisations.name,
    })
    .from(calendarFeeds)
    .innerJoin(organisations, eq(organisations.id, calendarFeeds.organisationId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  if (!feed) return null;
  const t = translator(locale);
  const window = sql`tstzrange(${new Date(now.getTime() - 90 * DAY).toISOString()}::timestamptz, ${new Date(now.getTime() + 400 * DAY).toISOString()}::timestamptz)`;
  const party = or(eq(bookings.organisationId, feed.organisationId), eq(resources.organisationId, feed.organisationId));
  const rows = await selectBookingViews(db)
    .where(
      and(
        inArray(bookings.status, ["pending", "approved", "completed"]),
        sql`${bookings.period} && ${window}`,
        feed.resourceId ? eq(bookings.resourceId, feed.resourceId) : party,
      ),
    )
    .limit(5000);
  const events: CalendarEvent[] = rows.map((b) => {
    const visible = b.requesterId === feed.organisationId || b.ownerId === feed.organisationId;
    const lending = b.ownerId === feed.organisationId && b.requesterId !== feed.organisationId;
    const summary = !visible
      ? `${b.resourceName}: ${t("calendarFeed.busy")}`
      : lending
        ? `${b.resourceName} → ${b.requesterName}`
        : `${b.resourceName} (${b.ownerName})`;
    return {
      uid: `${b.id}@wspoldzielnia`,
      start: b.start,
      end: b.end,
      summary: b.status === "pending" ? `${summary} – ${t("bookingStatus.pending")}` : summary,
      description: visible
        ? [b.purpose, b.quantity > 1 ? t("bookings.units", { count: b.quantity }) : ""].filter(Boolean).join("\n")
        : undefined,
      status: icalStatus(b.status),
    };
  });
  const name =
    feed.resourceId && rows[0]
      ? `${rows[0].resourceName} – ${feed.orgName}`
      : `${t("calendarFeed.name")} – ${feed.orgName}`;
  return toICalendar({ name, events, now });
}

/** One booking as an .ics file, for a party to it. */
export async function bookingICalendar(
  booking: Awaited<ReturnType<typeof selectBookingViews>>[number],
  locale: Locale,
  now = new Date(),
) {
  const t = translator(locale);
  return toICalendar({
    name: booking.resourceName,
    now,
    events: [
      {
        uid: `${booking.id}@wspoldzielnia`,
        start: booking.start,
        end: booking.end,
        summary: `${booking.resourceName} (${booking.ownerName} → ${booking.requesterName})`,
        description: [booking.purpose, `${t("bookings.statusLabel")}: ${t(`bookingStatus.${booking.status}`)}`].join(
          "\n",
        ),
        status: icalStatus(booking.status),
      },
    ],
  });
}
