import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { listBookings } from "@/lib/bookings/list-bookings";
import { listCalendarFeeds } from "@/lib/calendar/feeds";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { Agenda } from "./agenda";
import { AgendaFilters } from "./agenda-filters";
import { CalendarFeeds } from "./calendar-feeds";
import { agendaHref, readAgendaQuery, statusArgument } from "./query";

const LIMIT = 200;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agenda"))("title") };
}

export default async function BookingsPage({ searchParams }: PageProps<"/bookings">) {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const query = readAgendaQuery(await searchParams);
  const db = await getDb();
  const now = new Date();
  const upcoming = query.when === "upcoming";
  const [found, feeds] = await Promise.all([
    listBookings(
      db,
      actor,
      {
        scope: query.scope,
        status: statusArgument(query.status),
        ...(upcoming ? { from: now.toISOString() } : { to: now.toISOString() }),
        limit: LIMIT,
      },
      upcoming ? "asc" : "desc",
    ),
    listCalendarFeeds(db, actor),
  ]);
  // Ahead: what has not ended yet (so an ongoing booking is still on the agenda); behind: what has ended.
  const rows = upcoming ? found : found.filter((b) => b.end <= now);

  return (
    <>
      <PageHeader title={t("agenda.title")} description={t("agenda.intro", { organisation: actor.organisationName })} />
      <section aria-labelledby="agenda-heading" className="card">
        <h2 id="agenda-heading" className="sr-only">
          {t("agenda.listTitle")}
        </h2>
        <AgendaFilters query={query} />
        <p className="mt-4 text-slate-700" data-testid="agenda-count">
          {t(upcoming ? "agenda.countUpcoming" : "agenda.countPast", { count: rows.length })}
          {found.length >= LIMIT ? ` ${t("agenda.limited", { count: LIMIT })}` : ""}
        </p>
        <div className="mt-4">
          {rows.length ? (
            <Agenda rows={rows} organisationId={actor.organisationId} />
          ) : (
            <EmptyState title={t(upcoming ? "agenda.emptyUpcoming" : "agenda.emptyPast")}>
              {query.scope === "incoming" ? (
                <p>
                  {t("agenda.emptyIncomingHint")} <Link href="/resources">{t("agenda.goToResources")}</Link>
                </p>
              ) : (
                <p>
                  {t("agenda.emptyOutgoingHint")} <Link href="/resources">{t("agenda.goToCatalogue")}</Link>
                </p>
              )}
              {query.status !== "all" ? (
                <p className="mt-1">
                  {t("agenda.emptyFilterHint")}{" "}
                  <Link href={agendaHref(query, { status: "all" })}>{t("agenda.showAllStatuses")}</Link>
                </p>
              ) : null}
            </EmptyState>
          )}
        </div>
      </section>

      <section aria-labelledby="ical" className="card mt-6">
        <h2 id="ical" className="text-xl font-semibold">
          {t("feeds.title")}
        </h2>
        <p className="mb-4 max-w-3xl text-slate-700">{t("feeds.intro")}</p>
        <CalendarFeeds
          hasOrganisationFeed={feeds.some((f) => f.resourceId === null)}
          feeds={feeds.map((f) => ({
            id: f.id,
            label: f.resourceId
              ? t("feeds.resourceFeed", { resource: f.resourceName ?? "" })
              : t("feeds.organisationFeed"),
            created: formatDateTime(f.createdAt, locale),
          }))}
        />
      </section>
    </>
  );
}
