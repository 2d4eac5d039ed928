import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { Flash } from "@/app/_components/flash";
import { KindBadge } from "@/app/_components/kind-badge";
import { PageHeader } from "@/app/_components/page-header";
import { StatusBadge } from "@/app/_components/status-badge";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getBooking, listBookings } from "@/lib/bookings/list-bookings";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { WhenText } from "../when-text";
import { CancelForm, DecisionForm, HandoverForm, SeriesCancel } from "./booking-actions";
import { BookingVolunteers } from "./booking-volunteers";

async function load(id: string) {
  const actor = await requireActor();
  const db = await getDb();
  try {
    return { actor, db, booking: await getBooking(db, actor, id) };
  } catch (error) {
    // Another organisation's booking, or no such booking: the same answer, so its existence is not confirmed.
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: PageProps<"/bookings/[id]">): Promise<Metadata> {
  const { booking } = await load((await params).id);
  return { title: (await getTranslations("bookingDetail"))("title", { resource: booking.resourceName }) };
}

const factRow = "py-2 sm:grid sm:grid-cols-[13rem_1fr] sm:gap-x-6";
const factLabel = "text-sm font-medium text-slate-700 sm:text-base";

const flashes = [
  "approved",
  "declined",
  "cancelled",
  "handed_over",
  "returned",
  "series_cancelled",
  "assigned",
  "hours_recorded",
  "hours_confirmed",
  "hours_disputed",
  "engagement_cancelled",
] as const;
type Done = (typeof flashes)[number];

export default async function BookingPage({ params, searchParams }: PageProps<"/bookings/[id]">) {
  const { actor, db, booking: b } = await load((await params).id);
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const { done, count } = await searchParams;
  const flash = flashes.find((f) => f === done) as Done | undefined;
  const now = new Date();

  const isOwner = b.ownerId === actor.organisationId;
  const isRequester = b.requesterId === actor.organisationId;
  const active = b.status === "pending" || b.status === "approved";
  const started = b.start <= now;
  const ended = b.end <= now;
  const equipment = b.resourceKind === "equipment";

  const mayDecide = isOwner && can(actor, "bookings.decide") && b.status === "pending" && !started;
  // An organisation cancelling its own request on its own resource acts as the requester (as the use-case does).
  const mayCancelAsRequester = isRequester && can(actor, "bookings.request") && active && !started;
  // A pending request is answered with "decline"; cancelling is for what the owner already approved.
  const mayCancelAsOwner =
    isOwner && !isRequester && can(actor, "bookings.request") && b.status === "approved" && !ended;
  const handover =
    isOwner && equipment && can(actor, "bookings.decide") && (b.status === "approved" || b.status === "completed")
      ? !b.handedOverAt
        ? ("handed_over" as const)
        : !b.returnedAt
          ? ("returned" as const)
          : null
      : null;

  // The series' occurrences still ahead, to say how many a series cancellation would cancel.
  let series: { fromHere: number; allFuture: number } | null = null;
  if (b.seriesId && isRequester && can(actor, "bookings.request")) {
    const ahead = (
      await listBookings(db, actor, {
        scope: "outgoing",
        resourceId: b.resourceId,
        status: "pending,approved",
        from: now.toISOString(),
        limit: 500,
      })
    ).filter((x) => x.seriesId === b.seriesId && x.start >= now);
    const from = b.start > now ? b.start : now;
    series = { fromHere: ahead.filter((x) => x.start >= from).length, allFuture: ahead.length };
  }

  const statusText = (() => {
    switch (b.status) {
      case "pending":
        return isOwner && !isRequester
          ? t("bookingDetail.statusText.pendingOwner")
          : t("bookingDetail.statusText.pendingRequester", { organisation: b.ownerName });
      case "approved":
        return ended
          ? t("bookingDetail.statusText.approvedPast")
          : started
            ? t("bookingDetail.statusText.approvedNow")
            : t("bookingDetail.statusText.approved");
      default:
        return t(`bookingDetail.statusText.${b.status}`);
    }
  })();

  const seriesAhead = series !== null && series.allFuture > 0;
  const anyAction = mayDecide || mayCancelAsRequester || mayCancelAsOwner || handover !== null || seriesAhead;

  return (
    <>
      <p className="mb-2">
        <Link href="/bookings" className="inline-flex min-h-11 items-center">
          <span aria-hidden="true">←&nbsp;</span>
          {t("bookingDetail.back")}
        </Link>
      </p>
      <PageHeader
        title={t("bookingDetail.title", { resource: b.resourceName })}
        description={<WhenText start={b.start} end={b.end} withDate />}
        actions={
          <a href={`/api/v1/bookings/${b.id}/ics`} download className="btn-secondary" data-testid="download-ics">
            {t("bookingDetail.downloadIcs")}
          </a>
        }
      />
      <div role="status" aria-live="polite">
        {flash ? (
          <Flash key={flash}>
            <p>
              {flash === "series_cancelled"
                ? t("bookingDetail.done.series_cancelled", { count: Number(count) || 0 })
                : t(`bookingDetail.done.${flash}`)}
            </p>
          </Flash>
        ) : null}
      </div>

      {/* Reading order (and the order on a phone): status, what you can do, then the details. */}
      <div className="grid gap-6 lg:auto-rows-min lg:grid-cols-3">
        <section aria-labelledby="booking-status" className="card lg:col-span-2">
          <h2 id="booking-status" className="text-xl font-semibold">
            {t("bookingDetail.statusTitle")}
          </h2>
          <div className="mt-2 flex flex-wrap items-center gap-2" data-testid="booking-status">
            <StatusBadge status={b.status} />
            <KindBadge kind={b.resourceKind} />
          </div>
          <p className="mt-2">{statusText}</p>
          {b.decisionNote ? (
            <div className="mt-3 rounded-md border border-slate-300 bg-slate-50 p-3">
              <p className="text-sm font-medium text-slate-700">
                {t("bookingDetail.decisionNote", { organisation: b.ownerName })}
              </p>
              <p className="whitespace-pre-line">{b.decisionNote}</p>
            </div>
          ) : null}
          {b.status === "cancelled" && b.cancelReason ? (
            <div className="mt-3 rounded-md border border-slate-300 bg-slate-50 p-3">
              <p className="text-sm font-medium text-slate-700">{t("bookingDetail.cancelReason")}</p>
              <p className="whitespace-pre-line">{b.cancelReason}</p>
            </div>
          ) : null}
        </section>
        <section
          aria-labelledby="booking-actions"
          className="card space-y-4 self-start lg:col-start-3 lg:row-span-3 lg:row-start-1"
        >
          <h2 id="booking-actions" className="text-xl font-semibold">
            {t("bookingDetail.actionsTitle")}
          </h2>
          {mayDecide ? <DecisionForm bookingId={b.id} requesterName={b.requesterName} /> : null}
          {handover ? (
            <div>
              <h3 className="mb-2 text-lg font-semibold">{t("bookingDetail.handoverTitle")}</h3>
              <HandoverForm bookingId={b.id} step={handover} />
            </div>
          ) : null}
          {mayCancelAsRequester || mayCancelAsOwner ? (
            <div>
              <h3 className="mb-2 text-lg font-semibold">{t("bookingDetail.cancelTitle")}</h3>
              <p className="mb-2 text-sm text-slate-700">
                {mayCancelAsOwner
                  ? t("bookingDetail.cancelOwnerIntro", { organisation: b.requesterName })
                  : t("bookingDetail.cancelIntro", { organisation: b.ownerName })}
              </p>
              <CancelForm bookingId={b.id} asOwner={mayCancelAsOwner} counterpart={b.requesterName} />
            </div>
          ) : null}
          {series && b.seriesId && seriesAhead ? (
            <div>
              <h3 className="mb-2 text-lg font-semibold">{t("bookingDetail.seriesTitle")}</h3>
              <p className="mb-2 text-sm text-slate-700">
                {t("bookingDetail.seriesIntro", { count: series.allFuture })}
              </p>
              <SeriesCancel
                bookingId={b.id}
                seriesId={b.seriesId}
                fromHere={series.fromHere}
                allFuture={series.allFuture}
              />
            </div>
          ) : null}
          {!anyAction ? (
            <EmptyState title={t("bookingDetail.nothingToDo")}>{t("bookingDetail.nothingToDoHint")}</EmptyState>
          ) : null}
        </section>
        <section aria-labelledby="booking-facts" className="card lg:col-span-2">
          <h2 id="booking-facts" className="text-xl font-semibold">
            {t("bookingDetail.factsTitle")}
          </h2>
          <dl className="mt-2 divide-y divide-slate-100">
            <div className={factRow}>
              <dt className={factLabel}>{t("bookingDetail.when")}</dt>
              <dd>
                <WhenText start={b.start} end={b.end} withDate />
              </dd>
            </div>
            <div className={factRow}>
              <dt className={factLabel}>{t("bookingDetail.resource")}</dt>
              <dd>
                {b.resourceName} <span className="text-slate-700">({t(`kinds.${b.resourceKind}`)})</span>
              </dd>
            </div>
            <div className={factRow}>
              <dt className={factLabel}>{t("bookingDetail.owner")}</dt>
              <dd>
                <Link href={`/partners/${b.ownerSlug}`}>{b.ownerName}</Link>
                {isOwner ? <span className="text-slate-700"> ({t("bookingDetail.us")})</span> : null}
              </dd>
            </div>
            <div className={factRow}>
              <dt className={factLabel}>{t("bookingDetail.requester")}</dt>
              <dd>
                <Link href={`/partners/${b.requesterSlug}`}>{b.requesterName}</Link>
                {isRequester ? <span className="text-slate-700"> ({t("bookingDetail.us")})</span> : null}
              </dd>
            </div>
            <div className={factRow}>
              <dt className={factLabel}>{t("bookingDetail.quantity")}</dt>
              <dd>{t("bookings.units", { count: b.quantity })}</dd>
            </div>
            <div className={factRow}>
              <dt className={factLabel}>{t("bookingDetail.purpose")}</dt>
              <dd className="whitespace-pre-line">{b.purpose}</dd>
            </div>
            <div className={factRow}>
              <dt className={factLabel}>{t("bookingDetail.attendees")}</dt>
              <dd>
                {b.attendees ? t("bookingDetail.attendeesCount", { count: b.attendees }) : t("bookingDetail.notGiven")}
              </dd>
            </div>
            <div className={factRow}>
              <dt className={factLabel}>{t("bookingDetail.note")}</dt>
              <dd className="whitespace-pre-line">{b.note || t("bookingDetail.notGiven")}</dd>
            </div>
            {b.seriesId ? (
              <div className={factRow}>
                <dt className={factLabel}>{t("bookingDetail.series")}</dt>
                <dd>{t("bookingDetail.seriesText")}</dd>
              </div>
            ) : null}
            <div className={factRow}>
              <dt className={factLabel}>{t("bookingDetail.requestedAt")}</dt>
              <dd>{formatDateTime(b.createdAt, locale)}</dd>
            </div>
          </dl>
        </section>

        {b.resourceKind === "expertise" ? <BookingVolunteers db={db} actor={actor} bookingId={b.id} /> : null}

        {equipment && (b.status === "approved" || b.status === "completed" || b.handedOverAt) ? (
          <section aria-labelledby="booking-handover" className="card lg:col-span-2">
            <h2 id="booking-handover" className="text-xl font-semibold">
              {t("bookingDetail.handoverTitle")}
            </h2>
            <dl className="mt-2 divide-y divide-slate-100" data-testid="handover-status">
              <div className={factRow}>
                <dt className={factLabel}>{t("bookingDetail.handedOver")}</dt>
                <dd>{b.handedOverAt ? formatDateTime(b.handedOverAt, locale) : t("bookingDetail.notYet")}</dd>
              </div>
              <div className={factRow}>
                <dt className={factLabel}>{t("bookingDetail.returned")}</dt>
                <dd>{b.returnedAt ? formatDateTime(b.returnedAt, locale) : t("bookingDetail.notYet")}</dd>
              </div>
              {b.returnedAt ? (
                <div className={factRow}>
                  <dt className={factLabel}>{t("bookingDetail.condition")}</dt>
                  <dd className="whitespace-pre-line">{b.conditionNote || t("bookingDetail.notGiven")}</dd>
                </div>
              ) : null}
            </dl>
          </section>
        ) : null}
      </div>
    </>
  );
}
