import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { KindBadge } from "@/app/_components/kind-badge";
import { StatusBadge } from "@/app/_components/status-badge";
import type { BookingView } from "@/lib/bookings/booking-view";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { WhenText } from "./when-text";

/** Consecutive bookings under one heading per Warsaw day (`środa, 12 marca 2027`). */
function byDay(rows: BookingView[], locale: Locale) {
  const days: { label: string; rows: BookingView[] }[] = [];
  for (const row of rows) {
    const label = formatDate(row.start, locale);
    const last = days[days.length - 1];
    if (last?.label === label) last.rows.push(row);
    else days.push({ label, rows: [row] });
  }
  return days;
}

/** The organisation's bookings, day by day; each entry says who the other party is and links to the details. */
export function Agenda({ rows, organisationId }: { rows: BookingView[]; organisationId: string }) {
  const locale = useLocale() as Locale;
  const t = useTranslations();
  return (
    <div className="space-y-6">
      {byDay(rows, locale).map((day, i) => (
        <section key={day.label} aria-labelledby={`day-${i}`}>
          <h3 id={`day-${i}`} className="border-b border-slate-300 pb-1 text-lg font-semibold first-letter:uppercase">
            {day.label}
          </h3>
          <ul className="divide-y divide-slate-200">
            {day.rows.map((b) => {
              const borrowing = b.requesterId === organisationId;
              const lending = b.ownerId === organisationId;
              const party =
                borrowing && lending
                  ? t("agenda.ownUse")
                  : borrowing
                    ? t("agenda.lentBy", { organisation: b.ownerName })
                    : t("agenda.lentTo", { organisation: b.requesterName });
              return (
                <li
                  key={b.id}
                  className="flex flex-wrap items-start justify-between gap-2 py-3"
                  data-testid="agenda-row"
                >
                  <div className="min-w-0">
                    <p className="font-medium">
                      <Link href={`/bookings/${b.id}`}>
                        {b.resourceName}
                        <span className="sr-only"> – {t("agenda.openDetails")}</span>
                      </Link>
                      {b.quantity > 1 ? (
                        <span className="text-slate-700"> · {t("bookings.units", { count: b.quantity })}</span>
                      ) : null}
                    </p>
                    <p className="text-sm text-slate-700">
                      <WhenText start={b.start} end={b.end} />
                    </p>
                    <p className="text-sm text-slate-700">
                      <span className="font-medium text-slate-900">
                        {borrowing && !lending
                          ? t("agenda.borrowing")
                          : lending && !borrowing
                            ? t("agenda.lending")
                            : ""}
                      </span>
                      {borrowing !== lending ? " · " : ""}
                      {party}
                      {b.purpose ? ` · ${b.purpose}` : ""}
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <KindBadge kind={b.resourceKind} />
                    <StatusBadge status={b.status} />
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
