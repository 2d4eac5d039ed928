import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import type { ReportPeriod } from "@/lib/domain/report-period";
import { runUtilisation, type UtilisationRow } from "./get-utilisation";
import { periodsOf, type ReportPeriodInput, type ReportScope, reportPeriodSchema, reportScope } from "./report-input";
import { localDateOf, num, num0, queryRows } from "./report-sql";

/** A resource used under this share of its available time is listed as under-used. */
export const UNDERUSED_BELOW = 0.1;

export interface FunnelReport {
  from: string;
  to: string;
  /** Requests made in the period (by the local date they were made), by what became of them. */
  requests: number;
  approved: number;
  declined: number;
  cancelled: number;
  expired: number;
  pending: number;
  /** Approved at once, without an owner's decision (resources booked instantly). */
  instant: number;
  /** Requests an owner approved or declined, and the median time from request to that decision, in hours. */
  decided: number;
  medianDecisionHours: number | null;
  /** Resources used under 10% of their available time in the period (by resource, as in utilisation). */
  underused: UtilisationRow[];
}

function funnelQuery(scope: ReportScope, period: ReportPeriod): SQL {
  const party = scope.organisationId
    ? sql`AND (r.organisation_id = ${scope.organisationId}::uuid OR b.organisation_id = ${scope.organisationId}::uuid)`
    : sql``;
  const decided = sql`b.decided_by IS NOT NULL AND b.decided_at IS NOT NULL`;
  return sql`
    SELECT count(*)::int AS requests,
      (count(*) FILTER (WHERE b.status IN ('approved', 'completed')))::int AS approved,
      (count(*) FILTER (WHERE b.status = 'declined'))::int AS declined,
      (count(*) FILTER (WHERE b.status = 'cancelled'))::int AS cancelled,
      (count(*) FILTER (WHERE b.status = 'expired'))::int AS expired,
      (count(*) FILTER (WHERE b.status = 'pending'))::int AS pending,
      (count(*) FILTER (WHERE b.status IN ('approved', 'completed') AND b.decided_by IS NULL))::int AS instant,
      (count(*) FILTER (WHERE ${decided}))::int AS decided,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM b.decided_at - b.created_at))
        FILTER (WHERE ${decided}) / 3600.0)::float8 AS median_hours
    FROM bookings b JOIN resources r ON r.id = b.resource_id
    WHERE ${localDateOf(sql`b.created_at`)} BETWEEN ${period.from}::date AND ${period.to}::date ${party}`;
}

/**
 * The request funnel of a period: how many requests were made and what became of them, the median time an owner
 * took to decide, and the resources used under 10% of their available time. An admin sees requests its
 * organisation is party to and its own resources.
 */
export async function getFunnel(db: Db, actor: Actor | null, input: ReportPeriodInput): Promise<FunnelReport> {
  assertCan(actor, "reports.own");
  const q = reportPeriodSchema.parse(input);
  const scope = await reportScope(db, actor, q.organisation);
  const { current, previous } = periodsOf(q);
  const [[row], underused] = await Promise.all([
    queryRows<Record<string, unknown>>(db, funnelQuery(scope, current)),
    runUtilisation(db, scope, current, previous, "resource", { below: UNDERUSED_BELOW }),
  ]);
  const median = num(row?.median_hours);
  return {
    from: current.from,
    to: current.to,
    requests: num0(row?.requests),
    approved: num0(row?.approved),
    declined: num0(row?.declined),
    cancelled: num0(row?.cancelled),
    expired: num0(row?.expired),
    pending: num0(row?.pending),
    instant: num0(row?.instant),
    decided: num0(row?.decided),
    medianDecisionHours: median === null ? null : Math.round(median * 100) / 100,
    underused: underused.rows.sort((a, b) => (a.utilisation ?? 0) - (b.utilisation ?? 0)),
  };
}
