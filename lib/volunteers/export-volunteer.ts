import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { engagements, needAnswers, needAnswerVolunteers, needs, organisations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { parseRange } from "@/lib/domain/period";
import { getVolunteer } from "./get-volunteer";
import { hoursOf } from "./qualification-state";

export const EXPORT_FORMAT = "wspoldzielnia.volunteer/1";

/** The export as JSON-ready data; dates as ISO text, local dates as `YYYY-MM-DD`. */
export interface VolunteerExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  controller: { id: string; name: string };
  volunteer: {
    id: string;
    firstName: string;
    lastName: string;
    email: string | null;
    phone: string | null;
    notes: string;
    childrenCheckOn: string | null;
    consent: { on: string | null; scope: string };
    active: boolean;
    erasedAt: string | null;
    hasAccount: boolean;
    createdAt: string;
    updatedAt: string;
  };
  skills: string[];
  qualifications: { skill: string; name: string; validUntil: string | null }[];
  offers: { id: string; name: string }[];
  engagements: {
    id: string;
    source: "offer" | "need";
    title: string;
    receivingOrganisation: string;
    start: string;
    end: string;
    status: string;
    hours: number | null;
    hoursStatus: string;
    hoursNote: string | null;
    disputeNote: string | null;
  }[];
  needAnswers: { need: string; postedBy: string; status: string; answeredAt: string }[];
  confirmedHours: number;
}

/**
 * Everything the actor's organisation holds on one volunteer (RODO art. 15 and 20): the record, skills,
 * qualifications, offers' teams, engagements with hours, and the needs the volunteer was offered for. The export
 * itself is audited (the volunteer's id only).
 */
export async function exportVolunteer(
  db: Db,
  actor: Actor | null,
  input: { volunteerId: string },
  now: Date = new Date(),
): Promise<VolunteerExport> {
  assertCan(actor, "volunteers.manage");
  const v = await getVolunteer(db, actor, input?.volunteerId, now);
  return db.transaction(async (tx) => {
    const work = await tx
      .select({
        id: engagements.id,
        bookingId: engagements.bookingId,
        title: engagements.title,
        receiving: organisations.name,
        period: engagements.period,
        status: engagements.status,
        hours: engagements.hours,
        hoursStatus: engagements.hoursStatus,
        hoursNote: engagements.hoursNote,
        disputeNote: engagements.disputeNote,
      })
      .from(engagements)
      .innerJoin(organisations, eq(organisations.id, engagements.receivingOrganisationId))
      .where(and(eq(engagements.volunteerId, v.id), eq(engagements.organisationId, actor.organisationId)))
      .orderBy(asc(sql`lower(${engagements.period})`));
    const answers = await tx
      .select({
        need: needs.title,
        postedBy: organisations.name,
        status: needAnswers.status,
        answeredAt: needAnswers.createdAt,
      })
      .from(needAnswerVolunteers)
      .innerJoin(needAnswers, eq(needAnswers.id, needAnswerVolunteers.answerId))
      .innerJoin(needs, eq(needs.id, needAnswers.needId))
      .innerJoin(organisations, eq(organisations.id, needs.organisationId))
      .where(and(eq(needAnswerVolunteers.volunteerId, v.id), eq(needAnswers.organisationId, actor.organisationId)))
      .orderBy(asc(needAnswers.createdAt));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "volunteer.export",
      entityType: "volunteer",
      entityId: v.id,
    });
    return {
      format: EXPORT_FORMAT,
      exportedAt: now.toISOString(),
      controller: { id: actor.organisationId, name: actor.organisationName },
      volunteer: {
        id: v.id,
        firstName: v.firstName,
        lastName: v.lastName,
        email: v.email,
        phone: v.phone,
        notes: v.notes,
        childrenCheckOn: v.childrenCheckOn,
        consent: { on: v.consentOn, scope: v.consentScope },
        active: v.active,
        erasedAt: v.erasedAt?.toISOString() ?? null,
        hasAccount: v.hasAccount,
        createdAt: v.createdAt.toISOString(),
        updatedAt: v.updatedAt.toISOString(),
      },
      skills: v.skills,
      qualifications: v.qualifications.map((q) => ({ skill: q.skill, name: q.name, validUntil: q.validUntil })),
      offers: v.offers,
      engagements: work.map((e) => {
        const p = parseRange(e.period);
        return {
          id: e.id,
          source: e.bookingId ? ("offer" as const) : ("need" as const),
          title: e.title,
          receivingOrganisation: e.receiving,
          start: p.start.toISOString(),
          end: p.end.toISOString(),
          status: e.status,
          hours: hoursOf(e.hours),
          hoursStatus: e.hoursStatus,
          hoursNote: e.hoursNote,
          disputeNote: e.disputeNote,
        };
      }),
      needAnswers: answers.map((a) => ({ ...a, answeredAt: a.answeredAt.toISOString() })),
      confirmedHours: v.confirmedHours,
    };
  });
}
