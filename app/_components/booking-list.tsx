import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatTimeRange } from "@/lib/i18n/format";
import { KindBadge, type ResourceKind } from "./kind-badge";
import { type BookingStatus, StatusBadge } from "./status-badge";

export interface BookingRow {
  id: string;
  status: BookingStatus;
  start: Date;
  end: Date;
  quantity: number;
  purpose: string;
  resourceName: string;
  resourceKind: ResourceKind;
  counterpart: string;
}

/**
 * Bookings as a list that reads well on a phone; times are Polish time and say so. With `detailLinks` the resource
 * name opens the booking; `actions` adds controls under a row (for example approve / decline).
 */
export function BookingList({
  rows,
  counterpartLabel,
  detailLinks = false,
  actions,
}: {
  rows: BookingRow[];
  counterpartLabel: string;
  detailLinks?: boolean;
  actions?: (row: BookingRow) => ReactNode;
}) {
  const locale = useLocale() as Locale;
  const t = useTranslations("bookings");
  return (
    <ul className="divide-y divide-slate-200">
      {rows.map((b) => (
        <li key={b.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
          <div>
            <p className="font-medium">
              {detailLinks ? <Link href={`/bookings/${b.id}`}>{b.resourceName}</Link> : b.resourceName}
              {b.quantity > 1 ? <span className="text-slate-700"> · {t("units", { count: b.quantity })}</span> : null}
            </p>
            <p className="text-sm text-slate-700">
              <time dateTime={b.start.toISOString()}>
                {formatDate(b.start, locale)}, {formatTimeRange(b.start, b.end)}
              </time>{" "}
              <abbr title={t("polishTimeLong")}>{t("polishTime")}</abbr>
            </p>
            <p className="text-sm text-slate-700">
              {counterpartLabel}: {b.counterpart}
              {b.purpose ? ` · ${b.purpose}` : ""}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <KindBadge kind={b.resourceKind} />
            <StatusBadge status={b.status} />
          </div>
          {actions ? <div className="basis-full">{actions(b)}</div> : null}
        </li>
      ))}
    </ul>
  );
}
