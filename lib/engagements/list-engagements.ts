import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { engagements, needAnswers, organisations } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { type VolunteerCard, volunteerCards } from "@/lib/volunteers/visibility";
import { engagementEnd, engagementStart } from "./engagement-core";
import { engagementLink } from "./locate-engagement";

const volunteersOrg = alias(organisations, "volunteers_org");
const receivingOrg = alias(organisations, "receiving_org");

export const listEngagementsSchema = z.object({
  /** `given`: our volunteers' work for others; `received`: work others' volunteers do for us. */
  side: z.enum(["given", "received"], "invalid").default("given"),
  /** `todo`: hours to record (given) or to confirm (received); `upcoming`: not ended yet; `all`. */
  show: z.enum(["todo", "upcoming", "all"], "invalid").default("all"),
});
export type ListEngagementsInput = z.input<typeof listEngagementsSchema>;

export interface EngagementRow {
  id: string;
  title: string;
  start: Date;
  end: Date;
  status: "active" | "cancelled";
  hours: number | null;
  hoursStatus: "none" | "recorded" | "confirmed" | "disputed";
  hoursNote: string | null;
  disputeNote: string | null;
  organisationId: string;
  organisationName: string;
  receivingOrganisationId: string;
  receivingName: string;
  link: string;
  volunteer: VolunteerCard | null;
}

/** Engagements needing the side's action now: hours to record after the end, or recorded hours to confirm. */
export function todoWhere(side: "given" | "received", organisationId: string, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  return side === "given"
    ? sql`${engagements.organisationId} = ${organisationId} AND ${engagements.status} = 'active'
        AND upper(${engagements.period}) <= ${at} AND ${engagements.hoursStatus} IN ('none', 'disputed')`
    : sql`${engagements.receivingOrganisationId} = ${organisationId} AND ${engagements.status} = 'active'
        AND ${engagements.hoursStatus} = 'recorded'`;
}

/** Rows of engagements matching `where`, with each volunteer's card as the actor's organisation may see it. */
export async function engagementRows(db: Db, actor: Actor, where: SQL | undefined, now: Date, limit = 200) {
  const rows = await db
    .select({
      id: engagements.id,
      title: engagements.title,
      start: engagementStart,
      end: engagementEnd,
      status: engagements.status,
      hours: engagements.hours,
      hoursStatus: engagements.hoursStatus,
      hoursNote: engagements.hoursNote,
      disputeNote: engagements.disputeNote,
      organisationId: engagements.organisationId,
      organisationName: volunteersOrg.name,
      receivingOrganisationId: engagements.receivingOrganisationId,
      receivingName: receivingOrg.name,
      volunteerId: engagements.volunteerId,
      bookingId: engagements.bookingId,
      needId: needAnswers.needId,
    })
    .from(engagements)
    .innerJoin(volunteersOrg, eq(volunteersOrg.id, engagements.organisationId))
    .innerJoin(receivingOrg, eq(receivingOrg.id, engagements.receivingOrganisationId))
    .leftJoin(needAnswers, eq(needAnswers.id, engagements.needAnswerId))
    .where(where)
    .orderBy(desc(sql`lower(${engagements.period})`), engagements.id)
    .limit(limit);
  const cards = await volunteerCards(db, actor.organisationId, [...new Set(rows.map((r) => r.volunteerId))], now);
  return rows.map(
    ({ volunteerId, bookingId, needId, hours, ...r }): EngagementRow => ({
      ...r,
      hours: hours === null ? null : Number(hours),
      link: engagementLink({ bookingId, needId }),
      volunteer: cards.find((c) => c.id === volunteerId) ?? null,
    }),
  );
}

/**
 * The actor's organisation's engagements on one side: the work its volunteers give (it records their hours) or the
 * work it receives (it confirms or disputes them). Newest first.
 */
export async function listEngagements(db: Db, actor: Actor | null, input: ListEngagementsInput, now = new Date()) {
  assertCan(actor, "organisation.view");
  const { side, show } = listEngagementsSchema.parse(input);
  const org = actor.organisationId;
  const mine = side === "given" ? eq(engagements.organisationId, org) : eq(engagements.receivingOrganisationId, org);
  const filter =
    show === "todo"
      ? todoWhere(side, org, now)
      : show === "upcoming"
        ? and(
            mine,
            eq(engagements.status, "active"),
            sql`upper(${engagements.period}) > ${now.toISOString()}::timestamptz`,
          )
        : mine;
  return { side, show, rows: await engagementRows(db, actor, and(mine, filter), now) };
}

/** How many engagements wait for the organisation: hours to record, hours to confirm (the dashboard's counts). */
export async function countHoursTodo(db: Db, organisationId: string, now = new Date()) {
  const [row] = await db
    .select({
      toRecord: sql<number>`count(*) FILTER (WHERE ${todoWhere("given", organisationId, now)})`.mapWith(Number),
      toConfirm: sql<number>`count(*) FILTER (WHERE ${todoWhere("received", organisationId, now)})`.mapWith(Number),
    })
    .from(engagements)
    .where(
      sql`${engagements.organisationId} = ${organisationId} OR ${engagements.receivingOrganisationId} = ${organisationId}`,
    );
  return { toRecord: row?.toRecord ?? 0, toConfirm: row?.toConfirm ?? 0 };
}
