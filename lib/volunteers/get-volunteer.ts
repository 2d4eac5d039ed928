import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import {
  engagements,
  organisations,
  resources,
  resourceVolunteers,
  skills,
  volunteerQualifications,
  volunteerSkills,
  volunteers,
} from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { parseRange } from "@/lib/domain/period";
import { localDate } from "@/lib/domain/wall-clock";
import { AppError } from "@/lib/errors";
import { hoursOf, type QualificationState, qualificationState, sumHours } from "./qualification-state";
import { volunteerIdOf } from "./volunteer-access";

export interface VolunteerQualification {
  id: string;
  skill: string;
  name: string;
  validUntil: string | null;
  state: QualificationState;
}

export interface VolunteerEngagement {
  id: string;
  title: string;
  receivingOrganisation: { id: string; name: string };
  start: Date;
  end: Date;
  status: "active" | "cancelled";
  hours: number | null;
  hoursStatus: "none" | "recorded" | "confirmed" | "disputed";
}

export interface VolunteerDetails {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  notes: string;
  childrenCheckOn: string | null;
  consentOn: string | null;
  consentScope: string;
  active: boolean;
  erased: boolean;
  erasedAt: Date | null;
  hasAccount: boolean;
  createdAt: Date;
  updatedAt: Date;
  skills: string[];
  qualifications: VolunteerQualification[];
  engagements: VolunteerEngagement[];
  /** The expertise offers whose team the volunteer belongs to. */
  offers: { id: string; name: string }[];
  /** Only confirmed hours count. */
  confirmedHours: number;
}

/** Everything the actor's organisation keeps on one of its volunteers; another organisation's is `not_found`. */
export async function getVolunteer(
  db: Db,
  actor: Actor | null,
  volunteerId: string,
  now: Date = new Date(),
): Promise<VolunteerDetails> {
  assertCan(actor, "volunteers.manage");
  const id = volunteerIdOf(volunteerId);
  const [row] = await db
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.id, id), eq(volunteers.organisationId, actor.organisationId)))
    .limit(1);
  if (!row) throw new AppError("not_found");
  const today = localDate(now);
  const [tags, quals, work, offers] = await Promise.all([
    db
      .select({ name: skills.name })
      .from(volunteerSkills)
      .innerJoin(skills, eq(skills.id, volunteerSkills.skillId))
      .where(eq(volunteerSkills.volunteerId, id))
      .orderBy(asc(sql`lower(${skills.name})`)),
    db
      .select({
        id: volunteerQualifications.id,
        skill: skills.name,
        name: volunteerQualifications.name,
        validUntil: volunteerQualifications.validUntil,
      })
      .from(volunteerQualifications)
      .innerJoin(skills, eq(skills.id, volunteerQualifications.skillId))
      .where(eq(volunteerQualifications.volunteerId, id))
      .orderBy(asc(volunteerQualifications.validUntil), asc(volunteerQualifications.name)),
    db
      .select({
        id: engagements.id,
        title: engagements.title,
        receivingId: organisations.id,
        receivingName: organisations.name,
        period: engagements.period,
        status: engagements.status,
        hours: engagements.hours,
        hoursStatus: engagements.hoursStatus,
      })
      .from(engagements)
      .innerJoin(organisations, eq(organisations.id, engagements.receivingOrganisationId))
      .where(and(eq(engagements.volunteerId, id), eq(engagements.organisationId, actor.organisationId)))
      .orderBy(desc(sql`lower(${engagements.period})`)),
    db
      .select({ id: resources.id, name: resources.name })
      .from(resourceVolunteers)
      .innerJoin(resources, eq(resources.id, resourceVolunteers.resourceId))
      .where(and(eq(resourceVolunteers.volunteerId, id), eq(resources.organisationId, actor.organisationId)))
      .orderBy(asc(resources.name)),
  ]);
  const list: VolunteerEngagement[] = work.map((e) => ({
    id: e.id,
    title: e.title,
    receivingOrganisation: { id: e.receivingId, name: e.receivingName },
    ...parseRange(e.period),
    status: e.status,
    hours: hoursOf(e.hours),
    hoursStatus: e.hoursStatus,
  }));
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    childrenCheckOn: row.childrenCheckOn,
    consentOn: row.consentOn,
    consentScope: row.consentScope,
    active: row.active,
    erased: row.erasedAt !== null,
    erasedAt: row.erasedAt,
    hasAccount: row.userId !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    skills: tags.map((t) => t.name),
    qualifications: quals.map((q) => ({ ...q, state: qualificationState(q.validUntil, today) })),
    engagements: list,
    offers,
    confirmedHours: sumHours(list.filter((e) => e.hoursStatus === "confirmed").map((e) => e.hours)),
  };
}
