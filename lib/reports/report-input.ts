import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { organisations } from "@/db/schema";
import { type Actor, assertCan, can } from "@/lib/auth/permissions";
import { periodProblem, previousPeriod, type ReportPeriod } from "@/lib/domain/report-period";
import { isLocalDate } from "@/lib/domain/wall-clock";
import { AppError } from "@/lib/errors";

/** Query strings send empty fields (`?groupBy=`): those mean "the default". */
const blank = (v: unknown) => (v === "" ? undefined : v);

const dateText = z
  .string("bad_date")
  .trim()
  .refine((v) => isLocalDate(v), "bad_date");

/** `from` and `to`: local dates YYYY-MM-DD in Europe/Warsaw, both inclusive; `organisation`: the coordinator's focus. */
const periodShape = {
  from: dateText,
  to: dateText,
  organisation: z.preprocess(blank, z.string("invalid").trim().max(100, "too_long").optional()),
};

function checkPeriod(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  const problem = periodProblem(v.from, v.to);
  // A date that is no date is reported by its own field.
  if (problem && problem.reason !== "bad_date")
    ctx.addIssue({ code: "custom", path: [problem.field], message: problem.reason });
}

export const reportPeriodSchema = z.object(periodShape).superRefine(checkPeriod);
export type ReportPeriodInput = z.input<typeof reportPeriodSchema>;

export const UTILISATION_GROUPS = ["resource", "kind", "organisation"] as const;
export type UtilisationGroup = (typeof UTILISATION_GROUPS)[number];
export const utilisationInputSchema = z
  .object({
    ...periodShape,
    groupBy: z.preprocess(blank, z.enum(UTILISATION_GROUPS, "invalid").default("resource")),
  })
  .superRefine(checkPeriod);
export type UtilisationInput = z.input<typeof utilisationInputSchema>;

export const IN_KIND_GROUPS = ["organisation", "purpose", "month"] as const;
export type InKindGroup = (typeof IN_KIND_GROUPS)[number];
export const inKindInputSchema = z
  .object({
    ...periodShape,
    groupBy: z.preprocess(blank, z.enum(IN_KIND_GROUPS, "invalid").default("organisation")),
  })
  .superRefine(checkPeriod);
export type InKindInput = z.input<typeof inKindInputSchema>;

/**
 * Whose figures a report holds: `organisationId` null is the whole partnership (the coordinator); otherwise one
 * organisation, and only resources it owns and uses it is party to (as lender or borrower).
 */
export interface ReportScope {
  organisationId: string | null;
  organisation: { slug: string; name: string } | null;
}

/**
 * Who may see which figures: the coordinator everything (or one partner, on request), an organisation's admin only
 * its own organisation, anyone else `forbidden`. Another organisation asked for by an admin is `forbidden` too.
 */
export async function reportScope(db: Db, actor: Actor | null, organisationSlug?: string): Promise<ReportScope> {
  assertCan(actor, "reports.own");
  const all = can(actor, "reports.all");
  if (!all && organisationSlug && organisationSlug !== actor.organisationSlug) throw new AppError("forbidden");
  const slug = all ? organisationSlug : actor.organisationSlug;
  if (!slug) return { organisationId: null, organisation: null };
  const [org] = await db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.slug, slug))
    .limit(1);
  if (!org) throw new AppError("not_found");
  return { organisationId: org.id, organisation: { slug: org.slug, name: org.name } };
}

/** The period asked for and the one of the same length just before it. */
export function periodsOf(input: { from: string; to: string }): { current: ReportPeriod; previous: ReportPeriod } {
  const current = { from: input.from, to: input.to };
  return { current, previous: previousPeriod(current) };
}
