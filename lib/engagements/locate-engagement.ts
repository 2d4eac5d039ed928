import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/connect";
import { engagements, needAnswers, organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { engagementEnd, engagementStart } from "./engagement-core";

const receiving = alias(organisations, "receiving");

export type EngagementSide = "volunteers" | "receiving";

/**
 * Locks an engagement inside a transaction and tells which side the actor's organisation is: the volunteer's
 * (`volunteers`, records hours) or the receiving one (`receiving`, confirms them). No side: `not_found`.
 */
export async function lockEngagementAs(tx: Db, actor: Actor, engagementId: string, allowed: EngagementSide[]) {
  const [row] = await tx
    .select({
      id: engagements.id,
      status: engagements.status,
      start: engagementStart,
      end: engagementEnd,
      title: engagements.title,
      volunteerId: engagements.volunteerId,
      organisationId: engagements.organisationId,
      organisationName: organisations.name,
      receivingOrganisationId: engagements.receivingOrganisationId,
      receivingName: receiving.name,
      bookingId: engagements.bookingId,
      needAnswerId: engagements.needAnswerId,
      needId: needAnswers.needId,
      hours: engagements.hours,
      hoursStatus: engagements.hoursStatus,
    })
    .from(engagements)
    .innerJoin(organisations, eq(organisations.id, engagements.organisationId))
    .innerJoin(receiving, eq(receiving.id, engagements.receivingOrganisationId))
    .leftJoin(needAnswers, eq(needAnswers.id, engagements.needAnswerId))
    .where(eq(engagements.id, engagementId))
    .for("update", { of: engagements });
  if (!row) throw new AppError("not_found");
  const sides: EngagementSide[] = [];
  if (row.organisationId === actor.organisationId) sides.push("volunteers");
  if (row.receivingOrganisationId === actor.organisationId) sides.push("receiving");
  if (sides.length === 0) throw new AppError("not_found");
  const as = sides.find((s) => allowed.includes(s));
  if (!as) throw new AppError("forbidden");
  return { engagement: row, as };
}

/** Where an engagement is acted on: its need's page, or its booking's. */
export const engagementLink = (e: { needId: string | null; bookingId: string | null }) =>
  e.needId ? `/needs/${e.needId}` : e.bookingId ? `/bookings/${e.bookingId}` : "/engagements";
