"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/app/_lib/action";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/config";

/** Remembers the chosen language for a year; the page re-renders in it. */
export const setLocaleAction = publicAction(z.object({ locale: z.enum(locales, "invalid") }), async ({ input }) => {
  (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax" });
  return { status: "success" };
});
