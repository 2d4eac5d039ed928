import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { needSkills, needs, organisations, skills } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { RETROSPECTIVE_DAYS } from "@/lib/domain/volunteer-work";
import { needEnd, needStart } from "./need-core";

export const listNeedsSchema = z.object({
  /** `open`: the board (needs still taking answers); `mine`: the organisation's own needs in every state. */
  show: z.enum(["open", "mine"], "invalid").default("open"),
  skill: z
    .uuid("invalid")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type ListNeedsInput = z.input<typeof listNeedsSchema>;

/** Open and not past, as `isAnswerable` decides it, in SQL (the sweep may not have run yet). */
export function answerableWhere(now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`${needs.status} = 'open' AND (upper(${needs.period}) > ${at}
    OR (${needs.createdAt} > lower(${needs.period}) AND ${needs.createdAt} + make_interval(days => ${RETROSPECTIVE_DAYS}) > ${at}))`;
}

/**
 * The needs board: every partner sees every need (they are posted to be answered), filtered by skill; or the
 * organisation's own needs. Each row says how many volunteers were accepted, and whether the actor's organisation
 * has an active volunteer with one of the skills.
 */
export async function listNeeds(db: Db, actor: Actor | null, input: ListNeedsInput, now = new Date()) {
  assertCan(actor, "organisation.view");
  const { show, skill } = listNeedsSchema.parse(input);
  const org = actor.organisationId;
  const where = and(
    show === "mine" ? eq(needs.organisationId, org) : answerableWhere(now),
    skill
      ? sql`EXISTS (SELECT 1 FROM need_skills ns WHERE ns.need_id = ${needs.id} AND ns.skill_id = ${skill})`
      : undefined,
  );
  const rows = await db
    .select({
      id: needs.id,
      title: needs.title,
      location: needs.location,
      start: needStart,
      end: needEnd,
      status: needs.status,
      volunteersNeeded: needs.volunteersNeeded,
      childrenCheckRequired: needs.childrenCheckRequired,
      organisationId: needs.organisationId,
      organisationName: organisations.name,
      accepted: sql<number>`(SELECT count(*) FROM engagements e JOIN need_answers a ON a.id = e.need_answer_id
        WHERE a.need_id = ${needs.id} AND e.status = 'active')`.mapWith(Number),
      answers:
        sql<number>`(SELECT count(*) FROM need_answers a WHERE a.need_id = ${needs.id} AND a.status = 'offered')`.mapWith(
          Number,
        ),
      matchesUs: sql<boolean>`EXISTS (SELECT 1 FROM need_skills ns JOIN volunteer_skills vs ON vs.skill_id = ns.skill_id
        JOIN volunteers v ON v.id = vs.volunteer_id
        WHERE ns.need_id = ${needs.id} AND v.organisation_id = ${org} AND v.active AND v.erased_at IS NULL)`,
    })
    .from(needs)
    .innerJoin(organisations, eq(organisations.id, needs.organisationId))
    .where(where)
    .orderBy(show === "mine" ? desc(needs.createdAt) : asc(sql`lower(${needs.period})`), asc(needs.id))
    .limit(200);
  const tags =
    rows.length === 0
      ? []
      : await db
          .select({ needId: needSkills.needId, name: skills.name, certificateRequired: needSkills.certificateRequired })
          .from(needSkills)
          .innerJoin(skills, eq(skills.id, needSkills.skillId))
          .where(
            inArray(
              needSkills.needId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(skills.name));
  return {
    show,
    skill: skill ?? null,
    needs: rows.map((r) => ({
      ...r,
      mine: r.organisationId === org,
      skills: tags
        .filter((t) => t.needId === r.id)
        .map(({ name, certificateRequired }) => ({ name, certificateRequired })),
    })),
  };
}
