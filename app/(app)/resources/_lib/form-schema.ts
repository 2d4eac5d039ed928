import { z } from "zod";

/** A submitted form: every field as text (files are dropped by authedAction). */
export type Form = Record<string, string>;

export interface Converted<T> {
  /** The use-case input built from the form; the use-case parses it again. */
  input: T;
  /** The form field a use-case schema path comes from (default: its first segment); null drops the issue. */
  fieldOf?: (path: PropertyKey[]) => string | null;
  /** Problems found while converting (a date that is not a date), as field → validation reason. */
  problems?: { field: string; reason: string }[];
}

const firstSegment = (path: PropertyKey[]) => String(path[0] ?? "form");

/**
 * The schema an `authedAction` gets: reads the form, converts it into a use-case input, and validates that with the
 * use-case's own schema, reporting every problem at the form field it comes from (so the message sits next to the
 * field the person typed in). Its output is the unparsed input and the form itself, so a success can keep the form.
 */
export function formInput<T>(convert: (form: Form) => Converted<T>, schema: z.ZodType) {
  return z.record(z.string(), z.string()).transform((form, ctx) => {
    const { input, fieldOf = firstSegment, problems = [] } = convert(form);
    for (const p of problems) ctx.addIssue({ code: "custom", message: p.reason, path: [p.field] });
    const parsed = schema.safeParse(input);
    let reported = problems.length;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path);
        if (field === null) continue;
        ctx.addIssue({ code: "custom", message: issue.message, path: [field] });
        reported++;
      }
      if (reported === 0) ctx.addIssue({ code: "custom", message: "invalid", path: ["form"] });
    }
    if (problems.length > 0 || !parsed.success) return z.NEVER;
    return { form, input };
  });
}

/** A whole number typed in a form, or the text itself so that the schema reports it; empty is `undefined`. */
export function numberField(value: string | undefined): number | string | undefined {
  const text = (value ?? "").trim();
  if (text === "") return undefined;
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/** One item per non-empty line of a textarea. */
export const lines = (value: string | undefined) =>
  (value ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Trimmed text, or `undefined` when empty. */
export const textField = (value: string | undefined) => {
  const text = (value ?? "").trim();
  return text === "" ? undefined : text;
};
