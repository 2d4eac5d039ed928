import { createTranslator } from "next-intl";
import { defaultLocale, isLocale, type Locale } from "./config";
import { allMessages } from "./messages";

type Translator = ReturnType<typeof createTranslator<(typeof allMessages)[Locale]>>;
const translators = new Map<Locale, Translator>();

/**
 * A translator outside React rendering (API responses, e-mails, calendar feeds). One per locale for the process: it
 * keeps its parsed messages and formatters, which a fresh translator would rebuild on every call (a booking renders
 * its notices in both languages).
 */
export function translator(locale: Locale): Translator {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: allMessages[locale] });
    translators.set(locale, t);
  }
  return t;
}

/** The locale of an API request: the language cookie, then Accept-Language, then Polish. */
export function localeOfRequest(request: Request): Locale {
  const cookie = request.headers.get("cookie")?.match(/(?:^|;\s*)NEXT_LOCALE=([a-z]+)/)?.[1];
  if (isLocale(cookie)) return cookie;
  const accepted = request.headers.get("accept-language")?.toLowerCase() ?? "";
  for (const part of accepted.split(",")) {
    const tag = part.trim().slice(0, 2);
    if (isLocale(tag)) return tag;
  }
  return defaultLocale;
}
