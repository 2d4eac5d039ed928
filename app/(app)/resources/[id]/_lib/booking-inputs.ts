import { type CreateBookingInput, createBookingSchema, idempotencyKeySchema } from "@/lib/bookings/create-booking";
import { type RecurringBookingInput, recurringBookingSchema } from "@/lib/bookings/recurring-bookings";
import { addLocalDays, localInstant } from "@/lib/domain/wall-clock";
import { type Converted, type Form, formInput, numberField, textField } from "../../_lib/form-schema";
import { isClock, isDate, isEndClock } from "../../_lib/local-time";

type Problems = { field: string; reason: string }[];

function checkDate(form: Form, field: string, problems: Problems, required = true): string | undefined {
  const value = (form[field] ?? "").trim();
  if (!value) {
    if (required) problems.push({ field, reason: "required" });
    return undefined;
  }
  if (!isDate(value)) {
    problems.push({ field, reason: "bad_date" });
    return undefined;
  }
  return value;
}

function checkClock(form: Form, field: string, problems: Problems, end = false): string | undefined {
  const value = (form[field] ?? "").trim();
  if (!value) problems.push({ field, reason: "required" });
  else if (!(end ? isEndClock(value) : isClock(value))) problems.push({ field, reason: "bad_time" });
  else return value;
  return undefined;
}

export type RequestInput = CreateBookingInput & { idempotencyKey?: string };

/**
 * The request form (a local date, a start and an end time, for equipment maybe a return date) as createBooking's
 * input: the times are Polish wall-clock times, turned into instants the DST-safe way. An end at 00:00 or 24:00 on
 * the same day means midnight at the end of that day.
 */
function requestFormToInput(form: Form): Converted<RequestInput> {
  const problems: Problems = [];
  const date = checkDate(form, "date", problems);
  const endDate = checkDate(form, "endDate", problems, false);
  const startClock = checkClock(form, "start", problems);
  const endClock = checkClock(form, "end", problems, true);
  let start = "";
  let end = "";
  if (date && startClock && endClock) {
    start = localInstant(date, startClock).toISOString();
    const lastDay = endDate ?? date;
    const midnight = !endDate && (endClock === "00:00" || endClock === "24:00");
    end = (midnight ? localInstant(addLocalDays(lastDay, 1), "00:00") : localInstant(lastDay, endClock)).toISOString();
  }
  const key = idempotencyKeySchema.safeParse(form.idempotencyKey);
  const input = {
    resourceId: form.resourceId ?? "",
    start,
    end,
    quantity: numberField(form.quantity) ?? 1,
    purpose: form.purpose ?? "",
    attendees: numberField(form.attendees),
    note: textField(form.note),
    idempotencyKey: key.success ? key.data : undefined,
  } as RequestInput;
  const timesWrong = problems.some((p) => ["date", "endDate", "start", "end"].includes(p.field));
  const fieldOf = (path: PropertyKey[]) => {
    const head = String(path[0] ?? "form");
    if (head === "start" || head === "end") return timesWrong ? null : head;
    return head;
  };
  return { input, fieldOf, problems };
}

/** The request form → createBooking input (the idempotency key rides along). */
export const requestInput = formInput(requestFormToInput, createBookingSchema);

/**
 * The recurring request form as the recurring use-case's input: weekday checkboxes (one field each, as a form
 * keeps one value per name), and either an end date or a number of times, whichever was chosen.
 */
function recurringFormToInput(form: Form): Converted<RecurringBookingInput> {
  const problems: Problems = [];
  const byCount = form.ends === "count";
  checkDate(form, "startDate", problems);
  if (!byCount) checkDate(form, "until", problems);
  checkClock(form, "startTime", problems);
  checkClock(form, "endTime", problems, true);
  const input = {
    resourceId: form.resourceId ?? "",
    frequency: form.frequency ?? "",
    weekdays: [1, 2, 3, 4, 5, 6, 7].filter((d) => form[`weekday-${d}`] === "on"),
    startDate: (form.startDate ?? "").trim(),
    startTime: (form.startTime ?? "").trim(),
    endTime: (form.endTime ?? "").trim(),
    until: byCount ? undefined : (form.until ?? "").trim(),
    count: byCount ? (numberField(form.count) ?? "") : undefined,
    quantity: numberField(form.quantity) ?? 1,
    purpose: form.purpose ?? "",
    attendees: numberField(form.attendees),
    note: textField(form.note),
    mode: form.mode || undefined,
  } as RecurringBookingInput;
  const reported = new Set(problems.map((p) => p.field));
  const fieldOf = (path: PropertyKey[]) => {
    let head = String(path[0] ?? "form");
    if (head === "count" || head === "until") head = byCount ? "count" : "until";
    return reported.has(head) ? null : head;
  };
  return { input, fieldOf, problems };
}

/** The recurring request form → previewRecurringBooking / createRecurringBooking input. */
export const recurringInput = formInput(recurringFormToInput, recurringBookingSchema);
