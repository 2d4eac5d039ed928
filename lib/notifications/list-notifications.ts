import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { notifications, organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/** The actor's own notifications, newest first (only ever their own, whatever organisation they act for). */
export async function listNotifications(db: Db, actor: Actor | null, limit = 50) {
  if (!actor) throw new AppError("unauthenticated");
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      params: notifications.params,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      organisationName: organisations.name,
    })
    .from(notifications)
    .leftJoin(organisations, eq(organisations.id, notifications.organisationId))
    .where(eq(notifications.userId, actor.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(Math.min(Math.max(limit, 1), 200));
}

/** How many of the actor's notifications are unread (the bell's badge). */
export async function countUnread(db: Db, actor: Actor | null): Promise<number> {
  if (!actor) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/**
 * Marks one notification read and returns where it leads; another person's notification is `not_found`. Without an
 * id, marks all of the actor's notifications read.
 */
export async function markNotificationsRead(db: Db, actor: Actor | null, id?: string, now = new Date()) {
  if (!actor) throw new AppError("unauthenticated");
  const mine = eq(notifications.userId, actor.userId);
  if (!id) {
    await db
      .update(notifications)
      .set({ readAt: now })
      .where(and(mine, isNull(notifications.readAt)));
    return { link: null };
  }
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(mine, eq(notifications.id, id)))
    .returning({ link: notifications.link });
  if (!row) throw new AppError("not_found");
  return { link: row.link };
}
