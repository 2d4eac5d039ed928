import { localInstant } from "@/lib/domain/wall-clock";
import { type ListResourcesInput, listResourcesSchema } from "@/lib/resources/list-resources";
import type { Form } from "./form-schema";
import { isClock, isDate, param } from "./local-time";

/** The catalogue's query string: dates first, then how many, then what and whose. */
export const SEARCH_FIELDS = ["date", "from", "to", "people", "units", "kind", "owner", "q"] as const;

export interface CatalogueSearch {
  values: Form;
  /** field → validation reason */
  errors: Record<string, string>;
  filters: ListResourcesInput;
  /** The searched local window, when a date and times were given and valid. */
  window?: { date: string; from: string; to: string };
  /** Any filter at all was given. */
  filtered: boolean;
}

const USE_CASE_FIELD: Record<string, string> = { minCapacity: "people", minQuantity: "units", from: "from", to: "to" };

/**
 * Reads the catalogue's GET form. A date and a from–to time make a window in Polish time (listResources then shows
 * only what is free all of it); times without a date, or a date without times, are reported at the missing field.
 */
export function parseSearch(searchParams: Record<string, string | string[] | undefined>): CatalogueSearch {
  const values: Form = {};
  for (const field of SEARCH_FIELDS) values[field] = param(searchParams[field]).trim();
  const errors: Record<string, string> = {};
  const { date, from, to } = values;
  let window: CatalogueSearch["window"];
  const filters: Record<string, string | undefined> = {
    kind: values.kind,
    q: values.q,
    owner: values.owner,
    minCapacity: values.people,
    minQuantity: values.units,
  };
  if (date || from || to) {
    if (!date) errors.date = "required";
    else if (!isDate(date)) errors.date = "bad_date";
    if (!from) errors.from = "required";
    else if (!isClock(from)) errors.from = "bad_time";
    if (!to) errors.to = "required";
    else if (!isClock(to)) errors.to = "bad_time";
    else if (isClock(from) && to <= from) errors.to = "end_before_start";
    if (Object.keys(errors).length === 0) {
      window = { date, from, to };
      filters.from = localInstant(date, from).toISOString();
      filters.to = localInstant(date, to).toISOString();
    }
  }
  const parsed = listResourcesSchema.safeParse(filters);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = USE_CASE_FIELD[String(issue.path[0])] ?? String(issue.path[0] ?? "q");
      errors[field] ??= issue.message;
    }
  }
  const filtered = Object.values(values).some(Boolean);
  return {
    values,
    errors,
    filters: filters as ListResourcesInput,
    window: parsed.success ? window : undefined,
    filtered,
  };
}
