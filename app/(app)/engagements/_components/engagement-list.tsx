import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { CheckIcon, ClockIcon, InfoIcon, XIcon } from "@/app/_components/icons";
import { type Actor, can } from "@/lib/auth/permissions";
import { maxHours } from "@/lib/domain/volunteer-work";
import type { EngagementRow } from "@/lib/engagements/list-engagements";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatTimeRange } from "@/lib/i18n/format";
import { CancelEngagementForm, DecideHoursForm, RecordHoursForm } from "./hours-forms";
import { VolunteerCardView } from "./volunteer-card";

const hoursLook = {
  none: { Icon: ClockIcon, className: "bg-slate-100 text-slate-800 border-slate-300" },
  recorded: { Icon: ClockIcon, className: "bg-amber-50 text-amber-900 border-amber-300" },
  confirmed: { Icon: CheckIcon, className: "bg-green-50 text-green-900 border-green-300" },
  disputed: { Icon: XIcon, className: "bg-red-50 text-red-900 border-red-300" },
} as const;

/**
 * Engagements with what the reader's organisation can do about each: record hours (the volunteer's side, after the
 * end), confirm or dispute them (the receiving side), or take a volunteer off work not yet started.
 */
export function EngagementList({
  rows,
  actor,
  now,
  returnTo,
  showTitle = true,
}: {
  rows: EngagementRow[];
  actor: Actor;
  now: Date;
  returnTo: string;
  showTitle?: boolean;
}) {
  const t = useTranslations("engagements");
  const locale = useLocale() as Locale;
  const fmtHours = (h: number) => t("hoursValue", { hours: h.toLocaleString(locale === "pl" ? "pl-PL" : "en-GB") });
  return (
    <ul className="divide-y divide-slate-200" data-testid="engagement-list">
      {rows.map((e) => {
        const ours = e.organisationId === actor.organisationId;
        const forUs = e.receivingOrganisationId === actor.organisationId;
        const ended = e.end <= now;
        const who = e.volunteer?.firstName ?? t("volunteer");
        const when = `${formatDate(e.start, locale)}, ${formatTimeRange(e.start, e.end)}`;
        const mayRecord =
          ours &&
          can(actor, "volunteers.manage") &&
          e.status === "active" &&
          ended &&
          (e.hoursStatus === "none" || e.hoursStatus === "disputed");
        const mayDecide = forUs && can(actor, "needs.manage") && e.status === "active" && e.hoursStatus === "recorded";
        const mayCancel =
          e.status === "active" &&
          e.start > now &&
          (ours ? can(actor, "volunteers.manage") : can(actor, "needs.manage"));
        const look = hoursLook[e.hoursStatus];
        return (
          <li key={e.id} className="grid gap-3 py-3 md:grid-cols-[1fr_18rem]" data-testid={`engagement-${e.id}`}>
            <div className="space-y-1">
              {showTitle ? (
                <p className="font-semibold">
                  <Link href={e.link}>{e.title}</Link>
                </p>
              ) : null}
              <p className="text-slate-800">
                <time dateTime={e.start.toISOString()}>{when}</time> ·{" "}
                {ours
                  ? t("forOrganisation", { organisation: e.receivingName })
                  : t("fromOrganisation", { organisation: e.organisationName })}
              </p>
              {e.volunteer ? <VolunteerCardView card={e.volunteer} /> : null}
              <div className="flex flex-wrap items-center gap-2">
                {e.status === "cancelled" ? (
                  <span className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-800">
                    <XIcon width={16} height={16} />
                    {t("cancelled")}
                  </span>
                ) : (
                  <span
                    className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium ${look.className}`}
                    data-testid="hours-status"
                  >
                    <look.Icon width={16} height={16} />
                    {e.hoursStatus === "none"
                      ? ended
                        ? t("hoursStatus.none")
                        : t("hoursStatus.upcoming")
                      : t(`hoursStatus.${e.hoursStatus}`, { hours: e.hours === null ? "" : fmtHours(e.hours) })}
                  </span>
                )}
              </div>
              {e.hoursNote ? (
                <p className="text-sm text-slate-700">{t("hoursNoteShown", { note: e.hoursNote })}</p>
              ) : null}
              {e.hoursStatus === "disputed" && e.disputeNote ? (
                <p className="flex items-start gap-1 text-sm text-red-900">
                  <InfoIcon width={16} height={16} className="mt-0.5 shrink-0" />
                  {t("disputeShown", { note: e.disputeNote })}
                </p>
              ) : null}
            </div>
            <div className="space-y-2">
              {mayRecord ? (
                <RecordHoursForm
                  engagementId={e.id}
                  maxHours={maxHours(e.start, e.end)}
                  returnTo={returnTo}
                  who={who}
                />
              ) : null}
              {mayDecide ? (
                <DecideHoursForm
                  engagementId={e.id}
                  returnTo={returnTo}
                  summary={`${who}, ${e.title}, ${e.hours === null ? "" : fmtHours(e.hours)}`}
                />
              ) : null}
              {mayCancel ? <CancelEngagementForm engagementId={e.id} returnTo={returnTo} who={who} /> : null}
              {ours && e.status === "active" && !ended && e.hoursStatus === "none" ? (
                <p className="text-sm text-slate-700">{t("recordAfter")}</p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
