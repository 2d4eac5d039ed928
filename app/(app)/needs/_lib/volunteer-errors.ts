import { unstable_rethrow } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormState } from "@/app/_lib/form-state";
import type { GateProblem } from "@/lib/domain/volunteer-gates";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A local date `YYYY-MM-DD` as the reader reads dates (noon UTC is the same day in Warsaw). */
const localDay = (date: string, locale: Locale) => formatDate(new Date(`${date}T12:00:00Z`), locale);

/** One sentence per problem that keeps `name` from the work, e.g. „Ewa: zaświadczenie „Pierwsza pomoc” wygasło 31 stycznia 2027”. */
export function problemSentences(t: Translate, locale: Locale, name: string, problems: GateProblem[]): string[] {
  return problems.map((p) => {
    switch (p.code) {
      case "qualification_expired":
        return t(`gates.${p.code}`, { name, skill: p.skill, date: localDay(p.validUntil, locale) });
      case "qualification_missing":
        return t(`gates.${p.code}`, { name, skill: p.skill });
      default:
        return t(`gates.${p.code}`, { name });
    }
  });
}

/** The translated sentences for a problem list, for a page (the candidates of an answer, the offer's team). */
export async function gateSentences(name: string, problems: GateProblem[]): Promise<string[]> {
  const t = (await getTranslations("needs")) as unknown as Translate;
  return problemSentences(t, (await getLocale()) as Locale, name, problems);
}

/**
 * Runs a use-case that assigns volunteers and turns its refusals into a message that names each volunteer and what
 * to fix (`volunteer_gate`, `volunteer_busy`); other failures go on to `authedAction`.
 */
export async function explainVolunteerErrors(
  fn: () => Promise<unknown>,
  values: Record<string, string> = {},
): Promise<FormState | undefined> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    unstable_rethrow(error);
    if (!isAppError(error) || (error.code !== "volunteer_gate" && error.code !== "volunteer_busy")) throw error;
    const t = (await getTranslations("needs")) as unknown as Translate;
    const te = await getTranslations("errors");
    const locale = (await getLocale()) as Locale;
    const listed = (error.details.volunteers ?? []) as { firstName: string; problems?: GateProblem[] }[];
    const sentences =
      error.code === "volunteer_gate"
        ? listed.flatMap((v) => problemSentences(t, locale, v.firstName, v.problems ?? []))
        : listed.length > 0
          ? listed.map((v) => t("gates.busy", { name: v.firstName }))
          : [t("gates.busyRace")];
    return { status: "error", message: [te(error.code), ...sentences].join(" "), values };
  }
}
