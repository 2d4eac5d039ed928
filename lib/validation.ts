import { z } from "zod";

/** An instant in ISO 8601 with an explicit offset or Z (`2026-05-16T10:00:00+02:00`); read as a Date. */
export const isoInstant = z
  .string("datetime")
  .max(40, "datetime")
  .pipe(z.iso.datetime({ offset: true, message: "datetime" }))
  .transform((s) => new Date(s))
  .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, "datetime");

/** A whole number given as a number or, from a form or query string, as its decimal text. */
export const intFrom = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v),
    z.number("invalid").int("invalid").min(min, "too_small").max(max, "too_big"),
  );

/** Optional free text: trimmed, empty means absent. */
export const optionalText = (max: number) =>
  z
    .string("invalid")
    .trim()
    .max(max, "too_long")
    .optional()
    .transform((v) => (v ? v : undefined));

export const uuidParam = z.uuid("not_found");

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * PostgreSQL stores neither NUL in text nor unpaired UTF-16 surrogates in jsonb (the audit log): such input would
 * fail the write with a 500, so both boundaries (API and forms) refuse it as bad input.
 */
export const unstorable = (text: string) => text.includes("\u0000") || LONE_SURROGATE.test(text);
