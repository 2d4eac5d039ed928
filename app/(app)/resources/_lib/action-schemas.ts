import { z } from "zod";
import { localInstant } from "@/lib/domain/wall-clock";
import { addBlackoutSchema } from "@/lib/resources/manage-blackouts";
import { createResourceSchema } from "@/lib/resources/resource-schema";
import { type Converted, type Form, formInput } from "./form-schema";
import { isClock, isDate } from "./local-time";
import { resourceFormToInput } from "./resource-form-input";

/** The resource form → createResource input (validated by the use-case's schema, errors at the typed fields). */
export const resourceInput = formInput(resourceFormToInput, createResourceSchema);

/** The same form on the edit page: the whole resource is sent, so it is checked as a complete one. */
export const updateInput = resourceInput.transform((value) => ({ ...value, resourceId: value.form.resourceId ?? "" }));

export const archiveInput = z.object({ resourceId: z.uuid("not_found") });

/**
 * A local date and an optional time as an instant in Europe/Warsaw; without a time the day starts at 00:00 or
 * (for an end) ends at 24:00. A problem is reported at the field that was typed.
 */
export function localMoment(
  form: Form,
  dateField: string,
  timeField: string,
  edge: "start" | "end",
  problems: { field: string; reason: string }[],
): string | undefined {
  const date = (form[dateField] ?? "").trim();
  const time = (form[timeField] ?? "").trim();
  if (!date) {
    problems.push({ field: dateField, reason: "required" });
    return undefined;
  }
  if (!isDate(date)) {
    problems.push({ field: dateField, reason: "bad_date" });
    return undefined;
  }
  if (time && !isClock(time)) {
    problems.push({ field: timeField, reason: "bad_time" });
    return undefined;
  }
  return localInstant(date, time || (edge === "start" ? "00:00" : "24:00")).toISOString();
}

function blackoutFormToInput(form: Form): Converted<z.input<typeof addBlackoutSchema>> {
  const problems: { field: string; reason: string }[] = [];
  const start = localMoment(form, "startDate", "startTime", "start", problems);
  const end = localMoment(form, "endDate", "endTime", "end", problems);
  const input = { resourceId: form.resourceId ?? "", start: start ?? "", end: end ?? "", reason: form.reason ?? "" };
  const fieldOf = (path: PropertyKey[]) => {
    const head = path[0];
    if (head === "start") return start ? "startDate" : null;
    if (head === "end") return end ? "endDate" : null;
    return String(head ?? "form");
  };
  return { input, fieldOf, problems };
}

/** The "close for a period" form: local dates and times → addBlackout input. */
export const blackoutInput = formInput(blackoutFormToInput, addBlackoutSchema);
