import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { engagements, skills, volunteerQualifications, volunteers } from "@/db/schema";
import { type GateProblem, type GateRequirement, gateProblems, lastLocalDay } from "@/lib/domain/volunteer-gates";
import { localDate } from "@/lib/domain/wall-clock";
import { AppError, sqlState } from "@/lib/errors";

const asDate = (v: unknown) => new Date(v as string);
export const engagementStart = sql`lower(${engagements.period})`.mapWith(asDate);
export const engagementEnd = sql`upper(${engagements.period})`.mapWith(asDate);

export interface GateSubject {
  id: string;
  organisationId: string;
  firstName: string;
  problems: GateProblem[];
}

/**
 * The given volunteers (of any organisation) with the problems that keep each from work ending at `end` under
 * `requirement`. Unknown ids are left out; the caller compares counts.
 */
export async function gateCheck(
  tx: Db,
  volunteerIds: readonly string[],
  requirement: GateRequirement,
  end: Date,
): Promise<GateSubject[]> {
  if (volunteerIds.length === 0) return [];
  const rows = await tx
    .select({
      id: volunteers.id,
      organisationId: volunteers.organisationId,
      firstName: volunteers.firstName,
      active: volunteers.active,
      erasedAt: volunteers.erasedAt,
      childrenCheckOn: volunteers.childrenCheckOn,
    })
    .from(volunteers)
    .where(inArray(volunteers.id, [...volunteerIds]));
  const quals = await tx
    .select({
      volunteerId: volunteerQualifications.volunteerId,
      skillId: volunteerQualifications.skillId,
      validUntil: volunteerQualifications.validUntil,
    })
    .from(volunteerQualifications)
    .where(inArray(volunteerQualifications.volunteerId, [...volunteerIds]));
  const lastDay = lastLocalDay(end, (d) => localDate(d));
  return rows.map((v) => ({
    id: v.id,
    organisationId: v.organisationId,
    firstName: v.firstName,
    problems: gateProblems(
      {
        active: v.active,
        erased: v.erasedAt !== null,
        childrenCheckOn: v.childrenCheckOn,
        qualifications: quals.filter((q) => q.volunteerId === v.id),
      },
      requirement,
      lastDay,
    ),
  }));
}

/** Refuses the whole assignment when any volunteer has a problem, naming each (first names only: any side may read it). */
export function assertGates(subjects: GateSubject[]): void {
  const blocked = subjects.filter((s) => s.problems.length > 0);
  if (blocked.length > 0) {
    throw new AppError("volunteer_gate", {
      volunteers: blocked.map((s) => ({ id: s.id, firstName: s.firstName, problems: s.problems })),
    });
  }
}

/** Skills with their names, for a requirement read from `resource_skills` or `need_skills` rows. */
export async function skillNames(tx: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: skills.id, name: skills.name })
    .from(skills)
    .where(inArray(skills.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The volunteers already in an active engagement overlapping `[start, end)`: checked first for a clear message; the
 * exclusion constraint `engagements_no_overlap` is what holds when two assignments race.
 */
export async function assertFree(tx: Db, subjects: { id: string; firstName: string }[], start: Date, end: Date) {
  if (subjects.length === 0) return;
  const busy = await tx
    .selectDistinct({ volunteerId: engagements.volunteerId })
    .from(engagements)
    .where(
      and(
        inArray(
          engagements.volunteerId,
          subjects.map((s) => s.id),
        ),
        eq(engagements.status, "active"),
        sql`${engagements.period} && tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`,
      ),
    );
  if (busy.length > 0) {
    const ids = new Set(busy.map((b) => b.volunteerId));
    throw new AppError("volunteer_busy", {
      volunteers: subjects.filter((s) => ids.has(s.id)).map((s) => ({ id: s.id, firstName: s.firstName })),
    });
  }
}

/**
 * Runs `fn` (a transaction that inserts engagements) and turns the database's refusal of an overlapping engagement
 * (23P01, or a deadlock between two racing writers, 40P01) into `volunteer_busy`.
 */
export async function guardOverlap<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const state = sqlState(error);
    if (state === "23P01" || state === "40P01") throw new AppError("volunteer_busy", { volunteers: [] });
    throw error;
  }
}
