import { z } from "zod";
import { validateWeeklyHours } from "@/lib/domain/opening-hours";
import type { WeeklyInterval } from "@/lib/domain/types";
import { intFrom, isoInstant } from "@/lib/validation";

export const RESOURCE_KINDS = ["premises", "equipment", "expertise"] as const;
export const BOOKING_MODES = ["instant", "approval"] as const;
export const IN_KIND_UNITS = ["hour", "day", "unit_day", "volunteer_hour"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

const DAY_MINUTES = 60 * 24;

/** Unknown keys are refused (the reason is at the path `body`); anything but an object is "invalid". */
const strict = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.strictObject(shape, { error: (issue) => (issue.code === "unrecognized_keys" ? "unknown_field" : "invalid") });

/**
 * An instant in ISO 8601 with an offset, read as a Date. A Date is accepted too, so a schema can parse its own
 * output again (the route validates, then the use-case validates the same value).
 */
export const instantInput = z.preprocess((v) => (v instanceof Date ? v.toISOString() : v), isoInstant);

/**
 * Issues for a period given as `start`/`end` instants: end after start, at most `maxDays` long. Nothing when either
 * instant is already refused (zod still runs refinements after a malformed date, with the text in its place).
 */
export function periodIssues(start: unknown, end: unknown, maxDays: number, endKey: string): z.core.$ZodRawIssue[] {
  if (!(start instanceof Date && end instanceof Date)) return [];
  if (!(end > start)) return [{ code: "custom", path: [endKey], message: "end_before_start", input: end }];
  if (end.getTime() - start.getTime() > maxDays * 86_400_000) {
    return [{ code: "custom", path: [endKey], message: "range_too_long", input: end }];
  }
  return [];
}

const text = (max: number) => z.string("invalid").trim().max(max, "too_long");
/** Free text that may be cleared: empty or null is stored as null. */
const clearableText = (max: number) =>
  text(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : v === undefined ? undefined : null));
/** A limit that may be absent: null means "no limit". */
const limit = (min: number, max: number) => intFrom(min, max).nullable().optional();

const startClock = z.string("bad_time").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "bad_time");
const endClock = z.string("bad_time").regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "bad_time");

export const weeklyIntervalSchema = strict({
  weekday: intFrom(1, 7),
  start: startClock,
  end: endClock,
});

/** Weekly opening hours in Europe/Warsaw; an empty list means always open. */
export const openingHoursSchema = z
  .array(weeklyIntervalSchema, "invalid")
  .max(70, "too_big")
  .superRefine((hours, ctx) => {
    const problem = validateWeeklyHours(hours as WeeklyInterval[]);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const detailText = text(500).optional();
const detailList = z.array(text(500), "invalid").max(30, "too_big").optional();
const detailFlag = z.boolean("invalid").optional();

/** Kind-specific details; each kind accepts only its own keys. */
export const detailsSchemas = {
  premises: strict({
    address: detailText,
    floor: z.union([intFrom(-10, 200), text(500)], "invalid").optional(),
    stepFree: detailFlag,
    accessibleToilet: detailFlag,
    inductionLoop: detailFlag,
    amenities: detailList,
  }),
  equipment: strict({
    pickup: detailText,
    condition: detailText,
    includes: detailList,
  }),
  expertise: strict({
    offer: detailText,
    volunteers: intFrom(0, 10_000).optional(),
    maxHoursPerMonth: intFrom(0, 744).optional(),
    requirements: detailText,
    /** Whoever delivers it needs the checks required to work with children (issue 4's gates). */
    childrenCheck: detailFlag,
  }),
} as const;

/** The fields a client may set; one shape for creating and for changing (where every field is optional). */
const resourceShape = {
  kind: z.enum(RESOURCE_KINDS, "invalid"),
  name: z.string("required").trim().min(1, "required").max(200, "too_long"),
  description: text(4000).optional(),
  location: clearableText(300),
  capacity: limit(1, 100_000),
  quantity: intFrom(1, 100_000),
  bookingMode: z.enum(BOOKING_MODES, "invalid"),
  openingHours: openingHoursSchema,
  bufferMinutes: intFrom(0, DAY_MINUTES)
    .nullable()
    .transform((v) => v ?? 0),
  minMinutes: limit(1, 31 * DAY_MINUTES),
  maxMinutes: limit(1, 31 * DAY_MINUTES),
  leadMinutes: limit(0, 60 * DAY_MINUTES),
  horizonDays: limit(1, 730),
  inKindRate: z
    .preprocess(
      (v) => (typeof v === "string" && /^\s*\d+([.,]\d+)?\s*$/.test(v) ? Number(v.trim().replace(",", ".")) : v),
      z.number("invalid").min(0, "too_small").max(100_000, "too_big"),
    )
    .nullable()
    .optional(),
  inKindUnit: z.enum(IN_KIND_UNITS, "invalid").nullable().optional(),
  details: z.record(z.string(), z.unknown(), "invalid"),
};

/** What the consistency rules look at: a complete resource (a new one, or a stored one with a change applied). */
export interface ResourceFacts {
  kind: ResourceKind;
  quantity: number;
  minMinutes?: number | null;
  maxMinutes?: number | null;
  details?: Record<string, unknown>;
}

/** Issues with the relations between fields; `details` comes back parsed for the kind (or the issues say why not). */
export function resourceConsistency(facts: ResourceFacts): {
  issues: z.core.$ZodRawIssue[];
  details: Record<string, unknown>;
} {
  const issues: z.core.$ZodRawIssue[] = [];
  // One hall or one expert's time: more units make sense only for equipment (120 chairs).
  if (facts.kind !== "equipment" && facts.quantity !== 1) {
    issues.push({ code: "custom", path: ["quantity"], message: "invalid", input: facts.quantity });
  }
  const { minMinutes, maxMinutes } = facts;
  if (minMinutes != null && maxMinutes != null && minMinutes > maxMinutes) {
    issues.push({ code: "custom", path: ["maxMinutes"], message: "end_before_start", input: maxMinutes });
  }
  const parsed = detailsSchemas[facts.kind].safeParse(facts.details ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ ...issue, path: ["details", ...issue.path], input: undefined } as z.core.$ZodRawIssue);
    }
  }
  return { issues, details: parsed.success ? (parsed.data as Record<string, unknown>) : {} };
}

/** Thrown by use-cases for a change that is wrong only together with what is stored; routes answer 400. */
export const consistencyError = (issues: z.core.$ZodRawIssue[]) =>
  new z.ZodError(issues.map(({ input: _input, ...rest }) => rest) as z.core.$ZodIssue[]);

/**
 * POST /api/v1/resources and the "new resource" form. No `openingHours` = always open; a rule not given = no limit;
 * quantity defaults to 1 and only equipment may have more.
 */
export const createResourceSchema = strict({
  ...resourceShape,
  quantity: resourceShape.quantity.optional(),
  openingHours: openingHoursSchema.optional(),
  bufferMinutes: resourceShape.bufferMinutes.optional(),
  details: resourceShape.details.optional(),
}).transform((value, ctx) => {
  const { issues, details } = resourceConsistency({ ...value, quantity: value.quantity ?? 1 });
  for (const issue of issues) ctx.issues.push(issue);
  return { ...value, quantity: value.quantity ?? 1, details };
});
export type CreateResourceInput = z.input<typeof createResourceSchema>;
export type CreateResourceData = z.output<typeof createResourceSchema>;

/** PATCH: any of the same fields, at least one; `status` is not among them (archiving is its own use-case). */
export const updateResourceSchema = strict(resourceShape)
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "required");
export type UpdateResourceFields = z.input<typeof updateResourceSchema>;
