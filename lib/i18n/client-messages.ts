/**
 * The messages that client components read (`useTranslations("…")` in a `"use client"` file), by namespace path.
 * The root layout hands only these to `NextIntlClientProvider`: without a list, every page would carry the whole
 * catalogue (about 90 kB) to the browser. `tests/unit/client-messages.test.ts` fails when a client component reads a
 * namespace missing here, or when an entry names nothing.
 */
export const CLIENT_NAMESPACES = [
  "apiTokens",
  "blackouts",
  "bookingDetail",
  "bookingModes",
  "bookingRequest",
  "bookingStatus",
  "coordinator",
  "decisions",
  "emailSettings",
  "engagements.assign",
  "engagements.forms",
  "errorPage",
  "feeds",
  "invitation",
  "kinds",
  "locale",
  "login",
  "members",
  "nav",
  "needs.answerForm",
  "needs.cancelForm",
  "needs.decideForm",
  "needs.form",
  "notificationsPage",
  "organisationKinds",
  "partnership",
  "partnershipSettings",
  "passwordReset",
  "photos.manage",
  "profile",
  "rateCards",
  "recurringRequest",
  "resourceEdit",
  "resourceForm",
  "violations",
  "volunteers.form",
  "volunteers.page",
  "volunteers.team",
  "weekdayNames",
] as const;

type Tree = { [key: string]: unknown };

/** The subset of `messages` under the given dotted paths, nested as in the original. */
export function pickMessages(messages: Tree, paths: readonly string[] = CLIENT_NAMESPACES): Tree {
  const out: Tree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let source: unknown = messages;
    for (const key of keys) source = source && typeof source === "object" ? (source as Tree)[key] : undefined;
    if (source === undefined) continue;
    let target = out;
    for (const key of keys.slice(0, -1)) {
      target[key] ??= {};
      target = target[key] as Tree;
    }
    target[keys[keys.length - 1]] = source;
  }
  return out;
}
