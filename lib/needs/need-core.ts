import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { engagements, needAnswers, needSkills, needs, organisations, skills } from "@/db/schema";
import type { GateRequirement } from "@/lib/domain/volunteer-gates";
import { needAcceptsAnswers } from "@/lib/domain/volunteer-work";
import { AppError } from "@/lib/errors";

const asDate = (v: unknown) => new Date(v as string);
export const needStart = sql`lower(${needs.period})`.mapWith(asDate);
export const needEnd = sql`upper(${needs.period})`.mapWith(asDate);

const needFields = {
  id: needs.id,
  organisationId: needs.organisationId,
  organisationName: organisations.name,
  organisationSlug: organisations.slug,
  title: needs.title,
  description: needs.description,
  location: needs.location,
  start: needStart,
  end: needEnd,
  volunteersNeeded: needs.volunteersNeeded,
  childrenCheckRequired: needs.childrenCheckRequired,
  status: needs.status,
  createdAt: needs.createdAt,
  closedAt: needs.closedAt,
};

/** A need, locked for update inside a transaction when `lock` is set. Any partner may read a need. */
export async function loadNeed(tx: Db, needId: string, lock = false) {
  const query = tx
    .select(needFields)
    .from(needs)
    .innerJoin(organisations, eq(organisations.id, needs.organisationId))
    .where(eq(needs.id, needId));
  const [row] = lock ? await query.for("update", { of: needs }) : await query;
  if (!row) throw new AppError("not_found");
  return row;
}

export type NeedRow = Awaited<ReturnType<typeof loadNeed>>;

/** The need still takes answers and acceptances: open, and not past (see `needClosesAt`). */
export const isAnswerable = (need: NeedRow, now: Date) => need.status === "open" && needAcceptsAnswers(need, now);

/** The need's skills (with names) and its children-work requirement, for the gates. */
export async function needRequirement(tx: Db, need: Pick<NeedRow, "id" | "childrenCheckRequired">) {
  const rows = await tx
    .select({ skillId: needSkills.skillId, name: skills.name, certificateRequired: needSkills.certificateRequired })
    .from(needSkills)
    .innerJoin(skills, eq(skills.id, needSkills.skillId))
    .where(eq(needSkills.needId, need.id))
    .orderBy(skills.name);
  return { childrenCheckRequired: need.childrenCheckRequired, skills: rows } satisfies GateRequirement;
}

/** Volunteers in active engagements from the need's accepted answers. */
export async function acceptedVolunteers(tx: Db, needId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(engagements)
    .innerJoin(needAnswers, eq(needAnswers.id, engagements.needAnswerId))
    .where(and(eq(needAnswers.needId, needId), eq(engagements.status, "active")));
  return row?.n ?? 0;
}
