import {
  type PeriodProblem,
  periodProblem,
  presetOf,
  presetPeriod,
  REPORT_PRESETS,
  type ReportPreset,
} from "@/lib/domain/report-period";
import {
  IN_KIND_GROUPS,
  type InKindGroup,
  UTILISATION_GROUPS,
  type UtilisationGroup,
} from "@/lib/reports/report-input";

/** The reports' filters, read from the address so that every view can be linked to and works without JavaScript. */
export interface ReportQuery {
  from: string;
  to: string;
  preset: ReportPreset | null;
  groupBy: UtilisationGroup;
  by: InKindGroup;
  organisation?: string;
  /** What was typed when it was not a usable period (the report then shows the default period). */
  typed?: { from: string; to: string };
  problem?: { field: "from" | "to"; reason: PeriodProblem };
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const pick = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

export const DEFAULT_PRESET: ReportPreset = "quarter";

export function readReportQuery(params: Params, today: string): ReportQuery {
  const base = {
    groupBy: pick(UTILISATION_GROUPS, one(params.groupBy), "resource"),
    by: pick(IN_KIND_GROUPS, one(params.by), "organisation"),
    organisation: one(params.organisation),
  };
  const preset = one(params.preset);
  if (preset && (REPORT_PRESETS as readonly string[]).includes(preset)) {
    const period = presetPeriod(preset as ReportPreset, today);
    return { ...base, ...period, preset: preset as ReportPreset };
  }
  const from = one(params.from);
  const to = one(params.to);
  if (from || to) {
    const problem = periodProblem(from ?? "", to ?? "");
    if (!problem)
      return {
        ...base,
        from: from as string,
        to: to as string,
        preset: presetOf({ from: from as string, to: to as string }, today),
      };
    const fallback = presetPeriod(DEFAULT_PRESET, today);
    return { ...base, ...fallback, preset: null, typed: { from: from ?? "", to: to ?? "" }, problem };
  }
  return { ...base, ...presetPeriod(DEFAULT_PRESET, today), preset: DEFAULT_PRESET };
}

/** The query string of a report view; `change` overrides some of its parts. */
export function reportSearch(q: ReportQuery, change: Partial<ReportQuery> = {}): string {
  const next = { ...q, ...change };
  const params = new URLSearchParams({ from: next.from, to: next.to });
  if (next.groupBy !== "resource") params.set("groupBy", next.groupBy);
  if (next.by !== "organisation") params.set("by", next.by);
  if (next.organisation) params.set("organisation", next.organisation);
  return params.toString();
}

export const reportHref = (path: string, q: ReportQuery, change: Partial<ReportQuery> = {}) =>
  `${path}?${reportSearch(q, change)}`;

/** A download of the export route for this view. */
export function exportHref(q: ReportQuery, report: string, format: "csv" | "xlsx" | "pdf"): string {
  return `/api/v1/reports/export?${reportSearch(q)}&report=${report}&format=${format}`;
}
