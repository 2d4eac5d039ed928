import { createTranslator } from "next-intl";
import { defaultLocale, isLocale, type Locale } from "./config";
import { allMessages } from "./messages";

/** A translator outside React rendering (API responses, e-mails, calendar feeds). */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: allMessages[locale] });
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
