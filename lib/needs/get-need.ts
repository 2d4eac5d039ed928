import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { engagements, needAnswers, needAnswerVolunteers, organisations, volunteers } from "@/db/schema";
import { type Actor, assertCan, can } from "@/lib/auth/permissions";
import type { GateProblem } from "@/lib/domain/volunteer-gates";
import { needClosesAt } from "@/lib/domain/volunteer-work";
import { gateCheck } from "@/lib/engagements/engagement-core";
import { engagementRows } from "@/lib/engagements/list-engagements";
import { AppError } from "@/lib/errors";
import { rowsOf } from "@/lib/resources/booking-context";
import { uuidParam } from "@/lib/validation";
import { type VolunteerCard, volunteerCards } from "@/lib/volunteers/visibility";
import { acceptedVolunteers, isAnswerable, loadNeed, needRequirement } from "./need-core";

export interface Candidate {
  card: VolunteerCard;
  problems: GateProblem[];
  busy: boolean;
  /** Has at least one of the need's skills. */
  matches: boolean;
}

/**
 * One need as the actor's organisation sees it. Every partner reads the need itself. The poster sees every answer
 * with its volunteers' cards (first names and skills; contact details only once an engagement is approved, through
 * the visibility rule); an answering partner sees its own answer and, while the need takes answers, its own active
 * volunteers with what keeps each from this need. Both see the engagements they are a side of.
 */
export async function getNeed(db: Db, actor: Actor | null, rawNeedId: string, now = new Date()) {
  const parsed = uuidParam.safeParse(rawNeedId);
  if (!parsed.success) throw new AppError("not_found");
  const needId = parsed.data;
  assertCan(actor, "organisation.view");
  const need = await loadNeed(db, needId);
  const org = actor.organisationId;
  const isPoster = need.organisationId === org;
  const requirement = await needRequirement(db, need);
  const answerRows = await db
    .select({
      id: needAnswers.id,
      organisationId: needAnswers.organisationId,
      organisationName: organisations.name,
      note: needAnswers.note,
      status: needAnswers.status,
      decisionNote: needAnswers.decisionNote,
      createdAt: needAnswers.createdAt,
    })
    .from(needAnswers)
    .innerJoin(organisations, eq(organisations.id, needAnswers.organisationId))
    .where(and(eq(needAnswers.needId, needId), isPoster ? undefined : eq(needAnswers.organisationId, org)))
    .orderBy(asc(needAnswers.createdAt));
  const members =
    answerRows.length === 0
      ? []
      : await db
          .select({ answerId: needAnswerVolunteers.answerId, volunteerId: needAnswerVolunteers.volunteerId })
          .from(needAnswerVolunteers)
          .where(
            inArray(
              needAnswerVolunteers.answerId,
              answerRows.map((a) => a.id),
            ),
          );
  const cards = await volunteerCards(db, org, [...new Set(members.map((m) => m.volunteerId))], now);
  const answers = answerRows.map((a) => ({
    ...a,
    volunteers: members
      .filter((m) => m.answerId === a.id)
      .map((m) => cards.find((c) => c.id === m.volunteerId))
      .filter((c): c is VolunteerCard => c !== undefined),
  }));

  const answerable = isAnswerable(need, now);
  const liveAnswer = answers.find(
    (a) => a.organisationId === org && (a.status === "offered" || a.status === "accepted"),
  );
  let candidates: Candidate[] | null = null;
  if (!isPoster && answerable && !liveAnswer && can(actor, "needs.manage")) {
    const ids = (
      await db
        .select({ id: volunteers.id })
        .from(volunteers)
        .where(and(eq(volunteers.organisationId, org), eq(volunteers.active, true), isNull(volunteers.erasedAt)))
    ).map((r) => r.id);
    const skillIds = requirement.skills.map((s) => s.skillId);
    const [own, gates, busy, matching] = await Promise.all([
      volunteerCards(db, org, ids, now),
      gateCheck(db, ids, requirement, need.end),
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectDistinct({ id: engagements.volunteerId })
            .from(engagements)
            .where(
              and(
                inArray(engagements.volunteerId, ids),
                eq(engagements.status, "active"),
                sql`${engagements.period} && tstzrange(${need.start.toISOString()}::timestamptz, ${need.end.toISOString()}::timestamptz, '[)')`,
              ),
            ),
      ids.length === 0 || skillIds.length === 0
        ? Promise.resolve([])
        : db.execute(
            sql`SELECT DISTINCT volunteer_id AS id FROM volunteer_skills WHERE volunteer_id IN (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )}) AND skill_id IN (${sql.join(
              skillIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
          ),
    ]);
    const matchIds = new Set(rowsOf<{ id: string }>(matching).map((r) => r.id));
    candidates = own
      .map((card) => ({
        card,
        problems: gates.find((g) => g.id === card.id)?.problems ?? [],
        busy: busy.some((b) => b.id === card.id),
        matches: matchIds.has(card.id),
      }))
      // Those who match and can go first.
      .sort((a, b) => Number(b.matches) - Number(a.matches) || a.problems.length - b.problems.length);
  }

  const engagementList = await engagementRows(
    db,
    actor,
    sql`${engagements.needAnswerId} IN (SELECT id FROM need_answers WHERE need_id = ${needId})
      AND (${engagements.organisationId} = ${org} OR ${engagements.receivingOrganisationId} = ${org})`,
    now,
  );
  return {
    need: { ...need, closesAt: needClosesAt(need) },
    requirement,
    isPoster,
    answerable,
    answers,
    candidates,
    engagements: engagementList,
    accepted: await acceptedVolunteers(db, needId),
  };
}
