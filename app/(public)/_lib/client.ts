import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/config";

/** The caller's address for per-address limits (behind our proxy, its X-Forwarded-For) and language. */
export async function clientContext(): Promise<{ ip: string | null; locale: Locale }> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
  const locale = await getLocale();
  return { ip, locale: isLocale(locale) ? locale : "pl" };
}
