import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { needSkills, needs, volunteerSkills, volunteers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { toRange } from "@/lib/domain/period";
import { needTimeProblem } from "@/lib/domain/volunteer-work";
import { isLocalDate, localInstant, parseClock } from "@/lib/domain/wall-clock";
import { AppError } from "@/lib/errors";
import { nudgeDelivery } from "@/lib/mail/wake";
import { notify } from "@/lib/notifications/notify";
import { intFrom, optionalText } from "@/lib/validation";
import { resolveSkills, skillListSchema } from "@/lib/volunteers/skills";

const clock = z
  .string("required")
  .trim()
  .min(1, "required")
  .refine((v) => {
    try {
      parseClock(v);
      return true;
    } catch {
      return false;
    }
  }, "bad_time");

/** A checkbox ("on"), or a boolean from a JSON caller. */
const flag = z
  .union([z.boolean(), z.string()], "invalid")
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const postNeedSchema = z.object({
  title: z.string("required").trim().min(1, "required").max(200, "too_long"),
  description: optionalText(4000),
  location: optionalText(300),
  /** The local day (Europe/Warsaw) and the wall-clock times of the work. */
  date: z.string("required").trim().refine(isLocalDate, "date"),
  from: clock,
  to: clock,
  volunteersNeeded: intFrom(1, 100),
  /** The skills asked for (the shared list; new names are added to it). At least one: that is how partners are matched. */
  skills: skillListSchema.pipe(z.array(z.string()).min(1, "skills_required")),
  /** Those of the skills for which a qualification valid on the day is required (added to `skills` if missing). */
  certifiedSkills: skillListSchema.optional().default([]),
  childrenCheckRequired: flag,
});
export type PostNeedInput = z.input<typeof postNeedSchema>;

/**
 * A partner posts a need on the board. Partners (other than the poster) with an active volunteer who has at least
 * one of the skills are notified in the same transaction. A need may start up to `RETROSPECTIVE_DAYS` back (help
 * arranged by phone, put on the board to record and confirm the hours).
 */
export async function postNeed(db: Db, actor: Actor | null, input: PostNeedInput, now = new Date()) {
  assertCan(actor, "needs.manage");
  const q = postNeedSchema.parse(input);
  const start = localInstant(q.date, q.from);
  const end = localInstant(q.date, q.to);
  const problem = needTimeProblem(start, end, now);
  if (problem === "end_before_start") throw new AppError("validation", { field: "to", reason: "end_before_start" });
  if (problem) throw new AppError("validation", { field: "date", reason: `need_${problem}` });
  const lower = new Set(q.skills.map((s) => s.toLocaleLowerCase("pl")));
  const allNames = [...q.skills, ...q.certifiedSkills.filter((s) => !lower.has(s.toLocaleLowerCase("pl")))];
  if (allNames.length > 20) throw new AppError("validation", { field: "skills", reason: "too_big" });
  const certified = new Set(q.certifiedSkills.map((s) => s.toLowerCase()));

  const result = await db.transaction(async (tx) => {
    const found = await resolveSkills(tx, allNames);
    const [need] = await tx
      .insert(needs)
      .values({
        organisationId: actor.organisationId,
        createdBy: actor.userId,
        title: q.title,
        description: q.description ?? "",
        location: q.location ?? "",
        period: toRange({ start, end }),
        volunteersNeeded: q.volunteersNeeded,
        childrenCheckRequired: q.childrenCheckRequired,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: needs.id });
    await tx.insert(needSkills).values(
      found.map((s) => ({
        needId: need.id,
        skillId: s.id,
        certificateRequired: certified.has(s.name.toLowerCase()),
      })),
    );
    // Partners whose active volunteers have one of the skills: told once each, the poster never.
    const matching = await tx
      .selectDistinct({ organisationId: volunteers.organisationId })
      .from(volunteers)
      .innerJoin(volunteerSkills, eq(volunteerSkills.volunteerId, volunteers.id))
      .where(
        and(
          inArray(
            volunteerSkills.skillId,
            found.map((s) => s.id),
          ),
          eq(volunteers.active, true),
          isNull(volunteers.erasedAt),
          ne(volunteers.organisationId, actor.organisationId),
          sql`EXISTS (SELECT 1 FROM organisations o WHERE o.id = ${volunteers.organisationId} AND o.status = 'active')`,
        ),
      );
    if (matching.length > 0) {
      await notify(
        tx,
        [
          {
            kind: "need_match",
            audience: { organisationIds: matching.map((m) => m.organisationId) },
            exceptUserId: actor.userId,
            link: `/needs/${need.id}`,
            params: {
              organisation: actor.organisationName,
              title: q.title,
              start: start.toISOString(),
              end: end.toISOString(),
            },
          },
        ],
        now,
      );
    }
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "need.post",
      entityType: "need",
      entityId: need.id,
      after: {
        title: q.title,
        start,
        end,
        volunteersNeeded: q.volunteersNeeded,
        childrenCheckRequired: q.childrenCheckRequired,
        skills: found.map((s) => s.name),
        notified: matching.length,
      },
    });
    return { id: need.id, notified: matching.map((m) => m.organisationId) };
  });
  nudgeDelivery();
  return result;
}
