import type { CreateResourceInput } from "@/lib/resources/resource-schema";
import { type Converted, type Form, lines, numberField, textField } from "./form-schema";
import { isClock, isEndClock } from "./local-time";

/** How long a length or lead time is typed: in minutes, hours or days. */
export const DURATION_UNITS = ["min", "h", "d"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
const FACTOR: Record<DurationUnit, number> = { min: 1, h: 60, d: 1440 };

/** The form fields that hold a duration, and the use-case field (in minutes) each becomes. */
export const DURATION_FIELDS = { minLength: "minMinutes", maxLength: "maxMinutes", lead: "leadMinutes" } as const;

/** Per weekday, the intervals typed in the opening-hours editor. */
export type HoursByDay = Record<number, { start: string; end: string }[]>;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const hourField = (weekday: number, index: number, edge: "start" | "end") => `hours-${weekday}-${index}-${edge}`;

/** A duration typed as "1,5" with a unit, in minutes; the text itself when it is not a number (the schema says so). */
function minutesOf(value: string | undefined, unit: string | undefined): number | string | null {
  const text = (value ?? "").trim();
  if (text === "") return null;
  if (!/^\d+([.,]\d+)?$/.test(text)) return text;
  const factor = FACTOR[(unit as DurationUnit) ?? "min"] ?? 1;
  return Math.round(Number(text.replace(",", ".")) * factor);
}

/** The largest unit that shows `minutes` as a whole number. */
export function durationParts(minutes: number | null | undefined, fallback: DurationUnit = "h") {
  if (minutes == null) return { value: "", unit: fallback };
  if (minutes > 0 && minutes % 1440 === 0) return { value: String(minutes / 1440), unit: "d" as const };
  if (minutes > 0 && minutes % 60 === 0) return { value: String(minutes / 60), unit: "h" as const };
  return { value: String(minutes), unit: "min" as const };
}

/** The intervals in the form, weekday by weekday, in the order they were typed (rows left empty are skipped). */
export function hoursFromForm(form: Form): { weekday: number; index: number; start: string; end: string }[] {
  const rows: { weekday: number; index: number; start: string; end: string }[] = [];
  for (const key of Object.keys(form)) {
    const match = /^hours-([1-7])-(\d{1,2})-start$/.exec(key);
    if (!match) continue;
    const [weekday, index] = [Number(match[1]), Number(match[2])];
    const start = (form[key] ?? "").trim();
    const end = (form[hourField(weekday, index, "end")] ?? "").trim();
    if (start === "" && end === "") continue;
    rows.push({ weekday, index, start, end });
  }
  return rows.sort((a, b) => a.weekday - b.weekday || a.index - b.index);
}

const KIND_FIELDS = {
  premises: ["capacity", "floor", "stepFree", "accessibleToilet", "inductionLoop", "amenities", "address"],
  equipment: ["quantity", "pickup", "condition", "includes"],
  expertise: ["offer", "volunteers", "maxHoursPerMonth", "requirements", "childrenCheck"],
} as const;

function detailsOf(kind: string, form: Form): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) details[key] = value;
  };
  if (kind === "premises") {
    put("address", textField(form.address));
    put("floor", numberField(form.floor));
    put("stepFree", form.stepFree === "on");
    put("accessibleToilet", form.accessibleToilet === "on");
    put("inductionLoop", form.inductionLoop === "on");
    put("amenities", lines(form.amenities));
  } else if (kind === "equipment") {
    put("pickup", textField(form.pickup));
    put("condition", textField(form.condition));
    put("includes", lines(form.includes));
  } else if (kind === "expertise") {
    put("offer", textField(form.offer));
    put("volunteers", numberField(form.volunteers));
    put("maxHoursPerMonth", numberField(form.maxHoursPerMonth));
    put("requirements", textField(form.requirements));
    put("childrenCheck", form.childrenCheck === "on");
  }
  return details;
}

/**
 * The "new resource" / "edit resource" form as the use-case input: durations typed with a unit become minutes,
 * textarea lines become lists, only the chosen kind's fields are read, and the weekly hours come from the editor's
 * rows ("always available" means no hours). Errors are reported at the field that was typed.
 */
export function resourceFormToInput(form: Form): Converted<CreateResourceInput> {
  const kind = form.kind ?? "";
  const alwaysOpen = form.alwaysOpen === "on";
  const rows = alwaysOpen ? [] : hoursFromForm(form);
  const problems: { field: string; reason: string }[] = [];
  // Neither hours nor "always available": the person forgot one of them, and no hours would mean "always open".
  if (!alwaysOpen && rows.length === 0) problems.push({ field: "openingHours", reason: "hours_required" });
  if (!KIND_FIELDS[kind as keyof typeof KIND_FIELDS]) problems.push({ field: "kind", reason: "choose_kind" });
  // A malformed time is reported at its own field; the schema's summary of the same problem is then left out.
  for (const row of rows) {
    if (!isClock(row.start)) problems.push({ field: hourField(row.weekday, row.index, "start"), reason: "bad_time" });
    if (!isEndClock(row.end)) problems.push({ field: hourField(row.weekday, row.index, "end"), reason: "bad_time" });
  }
  for (const field of Object.keys(DURATION_FIELDS)) {
    const text = (form[field] ?? "").trim();
    if (text && !/^\d+([.,]\d+)?$/.test(text)) problems.push({ field, reason: "number_expected" });
  }
  const hoursReported = problems.some((p) => p.field.startsWith("hours-"));

  const input = {
    kind,
    name: form.name ?? "",
    description: (form.description ?? "").trim(),
    location: (form.location ?? "").trim(),
    capacity: kind === "premises" ? (numberField(form.capacity) ?? null) : null,
    quantity: kind === "equipment" ? (numberField(form.quantity) ?? 1) : 1,
    bookingMode: form.bookingMode ?? "",
    minMinutes: minutesOf(form.minLength, form.minLengthUnit),
    maxMinutes: minutesOf(form.maxLength, form.maxLengthUnit),
    leadMinutes: minutesOf(form.lead, form.leadUnit),
    horizonDays: numberField(form.horizonDays) ?? null,
    bufferMinutes: numberField(form.bufferMinutes) ?? null,
    inKindRate: textField(form.inKindRate) ?? null,
    inKindUnit: textField(form.inKindUnit) ?? null,
    openingHours: rows.map(({ weekday, start, end }) => ({ weekday, start, end })),
    details: KIND_FIELDS[kind as keyof typeof KIND_FIELDS] ? detailsOf(kind, form) : {},
  } as unknown as CreateResourceInput;

  const fieldOf = (path: PropertyKey[]): string | null => {
    const [head, second, third] = path;
    if (head === "openingHours" && hoursReported) return null;
    if (head === "details" && typeof second === "string") return second;
    if (head === "openingHours" && typeof second === "number" && rows[second]) {
      const row = rows[second];
      return hourField(row.weekday, row.index, third === "end" ? "end" : "start");
    }
    const durationField = Object.entries(DURATION_FIELDS).find(([, minutes]) => minutes === head)?.[0];
    return durationField ?? String(head ?? "form");
  };
  return { input, fieldOf, problems };
}

/** What a resource looks like in the form: the starting values of the edit page (every field as text). */
export function resourceDefaults(resource: {
  kind: string;
  name: string;
  description: string;
  location: string | null;
  capacity: number | null;
  quantity: number;
  bookingMode: string;
  minMinutes: number | null;
  maxMinutes: number | null;
  leadMinutes: number | null;
  horizonDays: number | null;
  bufferMinutes: number;
  inKindRate: number | null;
  inKindUnit: string | null;
  details: Record<string, unknown>;
  openingHours: { weekday: number; start: string; end: string }[];
}): { form: Form; hours: HoursByDay; alwaysOpen: boolean } {
  const d = resource.details ?? {};
  const str = (value: unknown) => (value === undefined || value === null ? "" : String(value));
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String).join("\n") : str(value));
  const flag = (value: unknown) => (value === true ? "on" : "");
  const min = durationParts(resource.minMinutes);
  const max = durationParts(resource.maxMinutes);
  const lead = durationParts(resource.leadMinutes);
  const form: Form = {
    kind: resource.kind,
    name: resource.name,
    description: resource.description,
    location: str(resource.location),
    capacity: str(resource.capacity),
    quantity: String(resource.quantity),
    bookingMode: resource.bookingMode,
    minLength: min.value,
    minLengthUnit: min.unit,
    maxLength: max.value,
    maxLengthUnit: max.unit,
    lead: lead.value,
    leadUnit: lead.unit,
    horizonDays: str(resource.horizonDays),
    bufferMinutes: resource.bufferMinutes ? String(resource.bufferMinutes) : "",
    inKindRate: resource.inKindRate === null ? "" : resource.inKindRate.toFixed(2).replace(".", ","),
    inKindUnit: str(resource.inKindUnit),
    address: str(d.address),
    floor: str(d.floor),
    stepFree: flag(d.stepFree),
    accessibleToilet: flag(d.accessibleToilet),
    inductionLoop: flag(d.inductionLoop),
    amenities: list(d.amenities),
    pickup: str(d.pickup),
    condition: str(d.condition),
    includes: list(d.includes),
    offer: str(d.offer),
    volunteers: str(d.volunteers),
    maxHoursPerMonth: str(d.maxHoursPerMonth),
    requirements: str(d.requirements),
    childrenCheck: flag(d.childrenCheck),
  };
  const hours: HoursByDay = {};
  for (const h of resource.openingHours)
    hours[h.weekday] = [...(hours[h.weekday] ?? []), { start: h.start, end: h.end }];
  return { form, hours, alwaysOpen: resource.openingHours.length === 0 };
}

/** A new resource: open on working days 08:00–16:00, approval needed. */
export const NEW_RESOURCE: { form: Form; hours: HoursByDay; alwaysOpen: boolean } = {
  form: { kind: "", bookingMode: "approval", minLengthUnit: "h", maxLengthUnit: "h", leadUnit: "d", quantity: "1" },
  hours: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: "08:00", end: "16:00" }]])),
  alwaysOpen: false,
};
