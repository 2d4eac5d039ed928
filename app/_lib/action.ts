import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ZodError, type z } from "zod";
import { getDb } from "@/db/client";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { log, withRequestId } from "@/lib/log/logger";
import { requestIdFrom } from "@/lib/log/request-id";
import { unstorable } from "@/lib/validation";
import type { FormState } from "./form-state";
import { getActor } from "./session";

/** A use-case may answer with a form state, or redirect and return nothing. */
type Result = Promise<FormState | undefined> | Promise<void>;
const SECRET = /password|token/i;

/** The form's fields: text as strings, a file input as its File (an empty one when nothing was chosen). */
function formValues(formData: FormData): Record<string, FormDataEntryValue> {
  const values: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    values[key] = value;
  }
  return values;
}

/** What a failed form shows again: the text typed (never passwords; files cannot be put back in an input). */
const keepable = (values: Record<string, FormDataEntryValue>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(values).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string" && !SECRET.test(entry[0]),
    ),
  );

/** Runs the action with the request id that proxy.ts gave the request on every log line. */
async function run<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  fn: (input: z.output<S>) => Result,
): Promise<FormState> {
  return withRequestId(requestIdFrom(await headers()), () => validateAndRun(schema, formData, fn));
}

/** Validates the form with zod, runs the use-case, and turns every failure into a translated message. */
async function validateAndRun<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  fn: (input: z.output<S>) => Result,
): Promise<FormState> {
  const t = await getTranslations();
  const values = formValues(formData);
  const invalid = (error: z.ZodError): FormState => {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] ??= t.has(`validation.${issue.message}`)
        ? t(`validation.${issue.message}`)
        : t("validation.invalid");
    }
    return { status: "error", message: t("errors.validation"), fieldErrors, values: keepable(values) };
  };
  const broken = Object.entries(values).find(([, v]) => typeof v === "string" && unstorable(v));
  if (broken) {
    return {
      status: "error",
      message: t("errors.validation"),
      fieldErrors: { [broken[0]]: t("validation.invalid_text") },
      values: keepable(values),
    };
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const state = await fn(parsed.data);
    return state ?? { status: "success", message: t("common.saved") };
  } catch (error) {
    unstable_rethrow(error);
    // A use-case validating against what is stored (not only the form) fails the same way as the form.
    if (error instanceof ZodError) return invalid(error);
    if (isAppError(error)) {
      const fieldErrors: Record<string, string> = {};
      const { field, reason } = error.details as { field?: string; reason?: string };
      if (field)
        fieldErrors[field] = t.has(`validation.${reason}`) ? t(`validation.${reason}`) : t("validation.invalid");
      return { status: "error", message: t(`errors.${error.code}`), fieldErrors, values: keepable(values) };
    }
    log.error({ err: error }, "unexpected error in a server action");
    return { status: "error", message: t("errors.unexpected"), values: keepable(values) };
  }
}

/**
 * The only way to write a server action that acts for a signed-in user: resolves the actor from the database,
 * validates the form, and hands both to the use-case, which checks the permission itself.
 */
export function authedAction<S extends z.ZodType>(
  schema: S,
  fn: (ctx: { db: Db; actor: Actor; input: z.output<S> }) => Result,
) {
  return async (_prev: FormState, formData: FormData): Promise<FormState> => {
    const actor = await getActor();
    if (!actor) redirect("/login");
    const db = await getDb();
    return run(schema, formData, (input) => fn({ db, actor, input }));
  };
}

/** For the few actions open to anyone (sign-in, accepting an invitation, choosing a language). */
export function publicAction<S extends z.ZodType>(schema: S, fn: (ctx: { db: Db; input: z.output<S> }) => Result) {
  return async (_prev: FormState, formData: FormData): Promise<FormState> => {
    const db = await getDb();
    return run(schema, formData, (input) => fn({ db, input }));
  };
}
