import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { localDate } from "@/lib/domain/wall-clock";
import type { Locale } from "@/lib/i18n/config";
import { listOrganisations } from "@/lib/organisations/list-organisations";
import type { Translate } from "@/lib/reports/report-tables";
import { readReportQuery } from "./report-query";

/**
 * What every report page starts from: the actor, whether it may see reports, the filters from the address (today
 * in Warsaw decides the presets), and for the coordinator the partners to focus on. An admin's `organisation`
 * parameter is ignored: its reports are always its own organisation's.
 */
export async function loadReportPage(searchParams: Promise<Record<string, string | string[] | undefined>>) {
  const actor = await requireActor();
  const db = await getDb();
  const locale = (await getLocale()) as Locale;
  const t = (await getTranslations()) as unknown as Translate;
  const query = readReportQuery(await searchParams, localDate(new Date()));
  const coordinator = can(actor, "reports.all");
  const organisations = coordinator
    ? (await listOrganisations(db, actor)).map((o) => ({ slug: o.slug, name: o.name }))
    : [];
  if (!coordinator || !organisations.some((o) => o.slug === query.organisation)) query.organisation = undefined;
  const input = { from: query.from, to: query.to, organisation: query.organisation };
  return { actor, db, locale, t, query, organisations, input, allowed: can(actor, "reports.own") };
}
