import { and, asc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { engagements, skills, volunteerQualifications, volunteerSkills, volunteers } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { localDate } from "@/lib/domain/wall-clock";
import { hoursOf, qualificationState } from "./qualification-state";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const VOLUNTEER_FILTERS = ["active", "inactive", "erased", "all"] as const;

export const listVolunteersSchema = z.object({
  q: z.preprocess(blank, z.string("invalid").trim().max(100, "too_long").optional()),
  skill: z.preprocess(blank, z.string("invalid").trim().max(60, "too_long").optional()),
  show: z.preprocess(blank, z.enum(VOLUNTEER_FILTERS, "invalid").default("active")),
});
export type ListVolunteersInput = z.input<typeof listVolunteersSchema>;

export interface VolunteerListItem {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  erased: boolean;
  skills: string[];
  childrenCheckOn: string | null;
  consentOn: string | null;
  /** Qualifications by state on today's local date. */
  qualifications: { total: number; expired: number; expiring: number };
  confirmedHours: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The actor's organisation's volunteers (never another's), by first and last name; searched by name (case and
 * accents ignored: `lukasz` finds „Łukasz”) and filtered by a skill and by state.
 */
export async function listVolunteers(
  db: Db,
  actor: Actor | null,
  input: ListVolunteersInput = {},
  now: Date = new Date(),
): Promise<VolunteerListItem[]> {
  assertCan(actor, "volunteers.manage");
  const f = listVolunteersSchema.parse(input);
  const where: SQL[] = [eq(volunteers.organisationId, actor.organisationId)];
  if (f.show === "active") where.push(eq(volunteers.active, true), isNull(volunteers.erasedAt));
  if (f.show === "inactive") where.push(eq(volunteers.active, false), isNull(volunteers.erasedAt));
  if (f.show === "erased") where.push(isNotNull(volunteers.erasedAt));
  if (f.q) {
    where.push(
      sql`wsp_fold(${volunteers.firstName} || ' ' || ${volunteers.lastName} || ' ' || coalesce(${volunteers.email}, '')) LIKE '%' || wsp_fold(${escapeLike(f.q)}) || '%'`,
    );
  }
  if (f.skill) {
    where.push(sql`EXISTS (
      SELECT 1 FROM volunteer_skills vs JOIN skills s ON s.id = vs.skill_id
      WHERE vs.volunteer_id = ${volunteers.id} AND lower(s.name) = lower(${f.skill}))`);
  }
  const rows = await db
    .select()
    .from(volunteers)
    .where(and(...where))
    .orderBy(asc(volunteers.firstName), asc(volunteers.lastName), asc(volunteers.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [tags, quals, hours] = await Promise.all([
    db
      .select({ volunteerId: volunteerSkills.volunteerId, name: skills.name })
      .from(volunteerSkills)
      .innerJoin(skills, eq(skills.id, volunteerSkills.skillId))
      .where(inArray(volunteerSkills.volunteerId, ids))
      .orderBy(asc(sql`lower(${skills.name})`)),
    db
      .select({ volunteerId: volunteerQualifications.volunteerId, validUntil: volunteerQualifications.validUntil })
      .from(volunteerQualifications)
      .where(inArray(volunteerQualifications.volunteerId, ids)),
    db
      .select({ volunteerId: engagements.volunteerId, hours: sql<string>`sum(${engagements.hours})` })
      .from(engagements)
      .where(
        and(
          inArray(engagements.volunteerId, ids),
          eq(engagements.organisationId, actor.organisationId),
          eq(engagements.hoursStatus, "confirmed"),
        ),
      )
      .groupBy(engagements.volunteerId),
  ]);
  const today = localDate(now);
  return rows.map((r) => {
    const states = quals.filter((q) => q.volunteerId === r.id).map((q) => qualificationState(q.validUntil, today));
    return {
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      phone: r.phone,
      active: r.active,
      erased: r.erasedAt !== null,
      skills: tags.filter((t) => t.volunteerId === r.id).map((t) => t.name),
      childrenCheckOn: r.childrenCheckOn,
      consentOn: r.consentOn,
      qualifications: {
        total: states.length,
        expired: states.filter((s) => s === "expired").length,
        expiring: states.filter((s) => s === "expiring").length,
      },
      confirmedHours: hoursOf(hours.find((h) => h.volunteerId === r.id)?.hours ?? null) ?? 0,
    };
  });
}
