import { and, asc, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { auditLog, organisations, users } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { addLocalDays, localInstant } from "@/lib/domain/wall-clock";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid")
  .optional()
  .or(z.literal("").transform(() => undefined));
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "too_long")
    .optional()
    .transform((v) => (v ? v : undefined));

export const auditFilterSchema = z.object({
  organisationId: z
    .uuid("invalid")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Part of the acting person's e-mail address or name. */
  user: optional(200),
  /** An action (`booking.cancel`) or its area (`booking`). */
  action: optional(100),
  /** Local days in Europe/Warsaw, both included. */
  from: day,
  to: day,
  /** Entries older than this id (the next page). */
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

export const AUDIT_PAGE = 50;

/**
 * The audit trail for the coordinator, newest first, filtered by organisation, person, action and days, 50 at a time.
 * Entries are read-only: the table refuses UPDATE, DELETE and TRUNCATE in the database itself.
 */
export async function listAuditEntries(db: Db, actor: Actor | null, input: AuditFilter = {}) {
  assertCan(actor, "audit.view");
  const f = auditFilterSchema.parse(input);
  const where: SQL[] = [];
  if (f.organisationId) where.push(eq(auditLog.organisationId, f.organisationId));
  if (f.user) {
    const pattern = `%${f.user.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(users.email, pattern), ilike(users.name, pattern)) as SQL);
  }
  if (f.action) where.push(or(eq(auditLog.action, f.action), ilike(auditLog.action, `${f.action}.%`)) as SQL);
  if (f.from) where.push(gte(auditLog.at, localInstant(f.from, "00:00")));
  if (f.to) where.push(lt(auditLog.at, localInstant(addLocalDays(f.to, 1), "00:00")));
  if (f.before) where.push(lt(auditLog.id, f.before));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      organisationId: auditLog.organisationId,
      organisationName: organisations.name,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE + 1);
  return {
    entries: rows.slice(0, AUDIT_PAGE),
    nextBefore: rows.length > AUDIT_PAGE ? rows[AUDIT_PAGE - 1].id : null,
  };
}

/** What the filter offers: organisations and the actions that occur. */
export async function auditFilterOptions(db: Db, actor: Actor | null) {
  assertCan(actor, "audit.view");
  const [orgs, actions] = await Promise.all([
    db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.name)),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
  ]);
  return { organisations: orgs, actions: actions.map((a) => a.action) };
}
