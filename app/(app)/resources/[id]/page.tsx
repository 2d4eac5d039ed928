import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BookingModeBadge } from "@/app/_components/booking-mode-badge";
import { CheckIcon, InfoIcon } from "@/app/_components/icons";
import { KindBadge } from "@/app/_components/kind-badge";
import { PageHeader } from "@/app/_components/page-header";
import { PencilIcon } from "@/app/_components/resource-icons";
import { localDate, weekdayOfDate } from "@/lib/domain/wall-clock";
import type { Locale } from "@/lib/i18n/config";
import { formatPeriod, isClock, isDate, isEndClock, param } from "../_lib/local-time";
import { CalendarSection } from "./_components/calendar-section";
import { defaultLength, NextSlots, slotLengths } from "./_components/next-slots";
import { OfferTeamSection } from "./_components/offer-team-section";
import { PhotoGallery } from "./_components/photo-gallery";
import { RecurringForm } from "./_components/recurring-form";
import { RequestForm } from "./_components/request-form";
import { ResourceFacts } from "./_components/resource-facts";
import { loadResource } from "./_lib/load";

/** The query this page understands: calendar (view, date), request pre-fill (day, start, end, endDay, units), len. */
const KEPT = ["view", "date", "day", "start", "end", "endDay", "units", "len"] as const;

export async function generateMetadata({ params }: PageProps<"/resources/[id]">): Promise<Metadata> {
  const { resource } = await loadResource((await params).id);
  return { title: resource.name };
}

export default async function ResourcePage({ params, searchParams }: PageProps<"/resources/[id]">) {
  const { id } = await params;
  const sp = await searchParams;
  const { actor, db, resource } = await loadResource(id);
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const now = new Date();
  const today = localDate(now);

  const query: Record<string, string> = Object.fromEntries(KEPT.map((k) => [k, param(sp[k]).trim()]));
  const view = query.view === "month" ? "month" : "week";
  const prefill = {
    date: isDate(query.day) ? query.day : "",
    start: isClock(query.start) ? query.start : "",
    end: isEndClock(query.end) ? query.end : "",
    endDate: isDate(query.endDay) ? query.endDay : "",
    units: /^\d{1,6}$/.test(query.units) ? query.units : "",
  };
  const date = isDate(query.date) ? query.date : prefill.date || today;
  const linkTo = (changes: Record<string, string>, hash = "calendar-section") => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...changes })) if (v) q.set(k, v);
    return `/resources/${resource.id}?${q.toString()}#${hash}`;
  };
  const lengths = slotLengths(resource);
  const len = Number(query.len);
  const length = lengths.includes(len) ? len : defaultLength(lengths);
  const archived = resource.status === "archived";
  const done = param(sp.done);
  const instant = resource.bookingMode === "instant";

  return (
    <>
      <p className="mb-2">
        <Link href="/resources">{t("resourcePage.back")}</Link>
      </p>
      <PageHeader
        title={resource.name}
        description={
          <span className="mt-1 flex flex-wrap items-center gap-2">
            <KindBadge kind={resource.kind} />
            <BookingModeBadge mode={resource.bookingMode} />
            <span>{t("catalogue.sharedBy", { owner: resource.organisation.name })}</span>
          </span>
        }
        actions={
          resource.canManage ? (
            <Link href={`/resources/${resource.id}/edit`} className="btn-secondary">
              <PencilIcon />
              {t("resourcePage.edit")}
            </Link>
          ) : archived ? null : (
            <a href="#request" className="btn-primary">
              {t("resourcePage.askJump")}
            </a>
          )
        }
      />

      <div className="space-y-6">
        {done && ["created", "saved", "archived"].includes(done) ? (
          <p
            role="status"
            className="flex items-start gap-2 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900"
          >
            <CheckIcon className="mt-0.5 shrink-0" />
            {t(`resourcePage.done.${done}`)}
          </p>
        ) : null}
        {archived ? (
          <p className="flex items-start gap-2 rounded-md border border-slate-500 bg-slate-100 px-3 py-2 text-slate-900">
            <InfoIcon className="mt-0.5 shrink-0" />
            {t("resourcePage.archived")}
          </p>
        ) : null}

        <PhotoGallery db={db} actor={actor} resourceId={resource.id} canManage={resource.canManage} />

        <ResourceFacts resource={resource} />

        {resource.kind === "expertise" ? <OfferTeamSection db={db} actor={actor} resourceId={resource.id} /> : null}

        <CalendarSection
          db={db}
          actor={actor}
          resource={resource}
          view={view}
          date={date}
          today={today}
          now={now}
          linkTo={linkTo}
        />

        {resource.canManage ? (
          <section aria-labelledby="owner-blackouts" className="card space-y-3">
            <h2 id="owner-blackouts" className="text-xl font-semibold">
              {t("resourceEdit.blackoutsTitle")}
            </h2>
            {resource.blackouts.length === 0 ? (
              <p className="text-slate-700">{t("blackouts.empty")}</p>
            ) : (
              <ul className="divide-y divide-slate-200">
                {resource.blackouts.map((b) => (
                  <li key={b.id} className="py-2">
                    <p className="font-medium">{formatPeriod(b.start, b.end, locale)}</p>
                    <p className="text-slate-700">{b.reason}</p>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link href={`/resources/${resource.id}/edit#blackouts`}>{t("resourcePage.manageBlackouts")}</Link>
            </p>
          </section>
        ) : archived ? null : (
          <>
            <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
              <NextSlots
                db={db}
                actor={actor}
                resource={resource}
                length={length}
                units={Number(prefill.units) || 1}
                keep={query}
                linkTo={linkTo}
              />
              <section aria-labelledby="request-title" id="request" className="card space-y-3">
                <h2 id="request-title" className="text-xl font-semibold">
                  {t("bookingRequest.title")}
                </h2>
                <RequestForm
                  key={JSON.stringify(prefill)}
                  resourceId={resource.id}
                  idempotencyKey={randomUUID()}
                  prefill={prefill}
                  kind={resource.kind}
                  quantity={resource.quantity}
                  instant={instant}
                  owner={resource.organisation.name}
                />
              </section>
            </div>
            <section aria-labelledby="recurring-title" className="card">
              <details>
                <summary className="flex min-h-11 cursor-pointer items-center text-xl font-semibold">
                  <h2 id="recurring-title">{t("recurringRequest.title")}</h2>
                </summary>
                <p className="mb-4 text-slate-700">{t("recurringRequest.intro")}</p>
                <RecurringForm
                  resourceId={resource.id}
                  quantity={resource.quantity}
                  initial={{
                    date: prefill.date,
                    start: prefill.start,
                    end: prefill.end,
                    weekday: prefill.date ? weekdayOfDate(prefill.date) : 0,
                    units: prefill.units,
                  }}
                />
              </details>
            </section>
          </>
        )}
      </div>
    </>
  );
}
