import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { bookings, resources } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { bookingStart } from "@/lib/resources/booking-context";
import { isoInstant, uuidParam } from "@/lib/validation";
import { selectBookingViews } from "./booking-view";

const statuses = ["pending", "approved", "declined", "cancelled", "expired", "completed"] as const;

export const listBookingsSchema = z.object({
  scope: z.enum(["outgoing", "incoming", "all"], "invalid").optional().default("all"),
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()) : undefined))
    .pipe(z.array(z.enum(statuses, "invalid")).max(6).optional()),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  resourceId: z.uuid("invalid").optional(),
  limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(500, "invalid").optional().default(200),
});
export type ListBookingsInput = z.input<typeof listBookingsSchema>;

/**
 * The actor's organisation's bookings: `outgoing` (what it borrows), `incoming` (requests for its resources) or
 * both, optionally by status and period, in time order (soonest first, or latest first with `order: "desc"`).
 */
export async function listBookings(
  db: Db,
  actor: Actor | null,
  input: ListBookingsInput = {},
  order: "asc" | "desc" = "asc",
) {
  assertCan(actor, "organisation.view");
  const q = listBookingsSchema.parse(input);
  const mine = eq(bookings.organisationId, actor.organisationId);
  const theirs = eq(resources.organisationId, actor.organisationId);
  const conditions: (SQL | undefined)[] = [
    q.scope === "outgoing" ? mine : q.scope === "incoming" ? theirs : or(mine, theirs),
    q.status ? inArray(bookings.status, q.status) : undefined,
    q.from ? sql`upper(${bookings.period}) > ${q.from.toISOString()}::timestamptz` : undefined,
    q.to ? sql`lower(${bookings.period}) < ${q.to.toISOString()}::timestamptz` : undefined,
    q.resourceId ? eq(bookings.resourceId, q.resourceId) : undefined,
  ];
  return selectBookingViews(db)
    .where(and(...conditions))
    .orderBy(order === "asc" ? asc(bookingStart) : desc(bookingStart))
    .limit(q.limit);
}

/** One booking, for a party to it; anyone else gets `not_found`. */
export async function getBooking(db: Db, actor: Actor | null, bookingId: string) {
  assertCan(actor, "organisation.view");
  const id = uuidParam.safeParse(bookingId);
  if (!id.success) throw new AppError("not_found");
  const [view] = await selectBookingViews(db)
    .where(
      and(
        eq(bookings.id, id.data),
        or(eq(bookings.organisationId, actor.organisationId), eq(resources.organisationId, actor.organisationId)),
      ),
    )
    .limit(1);
  if (!view) throw new AppError("not_found");
  return view;
}
