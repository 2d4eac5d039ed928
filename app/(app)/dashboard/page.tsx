import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BookingList } from "@/app/_components/booking-list";
import { DecisionButtons } from "@/app/_components/decision-buttons";
import { EmptyState } from "@/app/_components/empty-state";
import { Flash } from "@/app/_components/flash";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { getBooking } from "@/lib/bookings/list-bookings";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatTimeRange } from "@/lib/i18n/format";
import { VolunteerHoursCard } from "./volunteer-hours-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

/** The booking a decision was just taken on, for the confirmation; nothing if it is not the actor's to see. */
async function decided(db: Db, actor: Actor, id: unknown) {
  if (typeof id !== "string") return null;
  try {
    return await getBooking(db, actor, id);
  } catch {
    return null;
  }
}

export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const actor = await requireActor();
  const t = await getTranslations("dashboard");
  const td = await getTranslations("decisions");
  const locale = (await getLocale()) as Locale;
  const db = await getDb();
  const data = await getDashboard(db, actor);
  const sharedTotal = data.shared.premises + data.shared.equipment + data.shared.expertise;
  const { done, booking: bookingId } = await searchParams;
  const justDecided = done === "approved" || done === "declined" ? await decided(db, actor, bookingId) : null;
  const mayDecide = can(actor, "bookings.decide");
  const now = new Date();
  const summaryOf = (b: { resourceName: string; start: Date; end: Date; counterpart: string }) =>
    td("summary", {
      resource: b.resourceName,
      when: `${formatDate(b.start, locale)}, ${formatTimeRange(b.start, b.end)}`,
      organisation: b.counterpart,
    });

  return (
    <>
      <PageHeader title={t("title")} description={t("intro", { organisation: actor.organisationName })} />
      <div role="status" aria-live="polite">
        {justDecided && (done === "approved" || done === "declined") ? (
          <Flash key={`${done}-${justDecided.id}`}>
            <p>
              {td(done === "approved" ? "approvedFlash" : "declinedFlash", {
                summary: summaryOf({ ...justDecided, counterpart: justDecided.requesterName }),
              })}
            </p>
            <p className="mt-1">
              <Link href={`/bookings/${justDecided.id}`} className="text-green-950">
                {td("seeDetails")}
              </Link>
            </p>
          </Flash>
        ) : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="waiting" className="card lg:col-span-2">
          <h2 id="waiting" className="flex items-center gap-2 text-xl font-semibold">
            {t("waitingTitle")}
            <span
              className="whitespace-nowrap rounded-full bg-amber-100 px-2 py-0.5 text-base text-amber-950"
              data-testid="waiting-count"
            >
              {t("waitingCount", { count: data.waitingTotal })}
            </span>
          </h2>
          {data.waiting.length ? (
            <BookingList
              rows={data.waiting}
              counterpartLabel={t("requestedBy")}
              detailLinks
              actions={(row) =>
                !mayDecide ? null : row.start > now ? (
                  <DecisionButtons bookingId={row.id} summary={summaryOf(row)} />
                ) : (
                  <p className="text-sm text-slate-700">{td("alreadyStarted")}</p>
                )
              }
            />
          ) : (
            <div className="mt-3">
              <EmptyState title={t("waitingEmpty")}>{t("waitingEmptyHint")}</EmptyState>
            </div>
          )}
        </section>

        <VolunteerHoursCard toRecord={data.hours.toRecord} toConfirm={data.hours.toConfirm} />

        <section aria-labelledby="lending" className="card">
          <h2 id="lending" className="text-xl font-semibold">
            {t("lendingTitle")}
          </h2>
          <p className="text-sm text-slate-700">
            {t("sharedSummary", {
              premises: data.shared.premises,
              equipment: data.shared.equipment,
              expertise: data.shared.expertise,
            })}
          </p>
          {data.lending.length ? (
            <BookingList rows={data.lending} counterpartLabel={t("borrower")} detailLinks />
          ) : (
            <div className="mt-3">
              <EmptyState title={t("lendingEmpty")}>
                {sharedTotal ? t("lendingEmptyHint") : t("nothingSharedHint")}
              </EmptyState>
            </div>
          )}
        </section>

        <section aria-labelledby="borrowing" className="card">
          <h2 id="borrowing" className="text-xl font-semibold">
            {t("borrowingTitle")}
          </h2>
          {data.borrowing.length ? (
            <BookingList rows={data.borrowing} counterpartLabel={t("lender")} detailLinks />
          ) : (
            <div className="mt-3">
              <EmptyState title={t("borrowingEmpty")}>{t("borrowingEmptyHint")}</EmptyState>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
