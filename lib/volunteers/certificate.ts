import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { engagements, organisations, volunteers } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { parseRange } from "@/lib/domain/period";
import { addLocalDays, daysBetween, localDate, localInstant } from "@/lib/domain/wall-clock";
import { AppError } from "@/lib/errors";
import { uuidParam } from "@/lib/validation";
import { hoursOf, sumHours } from "./qualification-state";
import { localDateField } from "./volunteer-schema";

export const certificateInputSchema = z
  .object({
    volunteerId: uuidParam,
    from: localDateField.refine((v) => v !== null, "required"),
    to: localDateField.refine((v) => v !== null, "required"),
  })
  .superRefine((v, ctx) => {
    if (!v.from || !v.to) return;
    if (v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "end_before_start" });
    else if (daysBetween(v.from, v.to) > 366 * 10)
      ctx.addIssue({ code: "custom", path: ["to"], message: "range_too_long" });
  });
export type CertificateInput = z.input<typeof certificateInputSchema>;

export interface CertificateLine {
  engagementId: string;
  /** The local day the engagement started. */
  date: string;
  receivingOrganisation: string;
  title: string;
  hours: number;
}

export interface CertificateData {
  organisation: { name: string; address: string | null };
  volunteer: { id: string; name: string };
  from: string;
  to: string;
  issuedOn: string;
  lines: CertificateLine[];
  totalHours: number;
}

/**
 * What a certificate of volunteer work (zaświadczenie) states: the volunteer of the actor's organisation, and the
 * engagements that started on a local day from `from` to `to` (inclusive) whose hours the receiving organisation
 * confirmed — only confirmed hours count. Another organisation's volunteer is `not_found`; an erased one has no name
 * to certify (`invalid_state`).
 */
export async function getCertificate(
  db: Db,
  actor: Actor | null,
  input: CertificateInput,
  now: Date = new Date(),
): Promise<CertificateData> {
  assertCan(actor, "volunteers.manage");
  const data = certificateInputSchema.parse(input);
  const from = data.from as string;
  const to = data.to as string;
  const [row] = await db
    .select({
      id: volunteers.id,
      firstName: volunteers.firstName,
      lastName: volunteers.lastName,
      erasedAt: volunteers.erasedAt,
      orgName: organisations.name,
      orgAddress: organisations.address,
    })
    .from(volunteers)
    .innerJoin(organisations, eq(organisations.id, volunteers.organisationId))
    .where(and(eq(volunteers.id, data.volunteerId), eq(volunteers.organisationId, actor.organisationId)))
    .limit(1);
  if (!row) throw new AppError("not_found");
  if (row.erasedAt) throw new AppError("invalid_state", { reason: "volunteer_erased" });
  const start = localInstant(from, "00:00");
  const end = localInstant(addLocalDays(to, 1), "00:00");
  const work = await db
    .select({
      id: engagements.id,
      title: engagements.title,
      receiving: organisations.name,
      period: engagements.period,
      hours: engagements.hours,
    })
    .from(engagements)
    .innerJoin(organisations, eq(organisations.id, engagements.receivingOrganisationId))
    .where(
      and(
        eq(engagements.volunteerId, row.id),
        eq(engagements.organisationId, actor.organisationId),
        eq(engagements.hoursStatus, "confirmed"),
        sql`lower(${engagements.period}) >= ${start.toISOString()}::timestamptz`,
        sql`lower(${engagements.period}) < ${end.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(sql`lower(${engagements.period})`), asc(engagements.id));
  const lines = work.map((e) => ({
    engagementId: e.id,
    date: localDate(parseRange(e.period).start),
    receivingOrganisation: e.receiving,
    title: e.title,
    hours: hoursOf(e.hours) ?? 0,
  }));
  return {
    organisation: { name: row.orgName, address: row.orgAddress },
    volunteer: { id: row.id, name: `${row.firstName} ${row.lastName}`.trim() },
    from,
    to,
    issuedOn: localDate(now),
    lines,
    totalHours: sumHours(lines.map((l) => l.hours)),
  };
}
