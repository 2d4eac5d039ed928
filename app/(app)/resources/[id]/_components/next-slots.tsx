import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { CalendarIcon } from "@/app/_components/resource-icons";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/permissions";
import { localDate } from "@/lib/domain/wall-clock";
import type { Locale } from "@/lib/i18n/config";
import { nextFreeSlots } from "@/lib/resources/get-availability";
import type { ResourceDetails } from "@/lib/resources/get-resource";
import { formatPeriod, periodParams } from "../../_lib/local-time";
import { formatDuration } from "./resource-facts";

const CHOICES = [30, 60, 90, 120, 180, 240, 360, 480, 1440, 2880];

/** The lengths offered for "next free slots": those the resource's rules allow, its minimum among them. */
export function slotLengths(resource: Pick<ResourceDetails, "minMinutes" | "maxMinutes">): number[] {
  const min = resource.minMinutes ?? 1;
  const max = resource.maxMinutes ?? Number.POSITIVE_INFINITY;
  const lengths = new Set(CHOICES.filter((m) => m >= min && m <= max));
  if (resource.minMinutes) lengths.add(resource.minMinutes);
  return [...lengths].sort((a, b) => a - b);
}

/** Two hours when the rules allow it, else the nearest length they allow. */
export function defaultLength(lengths: number[]): number {
  if (lengths.includes(120)) return 120;
  return lengths.find((m) => m > 120) ?? lengths.at(-1) ?? 120;
}

/**
 * The next five free periods of the chosen length; each is a link that fills in the request form. The length is
 * chosen with a small GET form (works without JavaScript) that keeps the rest of the page's query.
 */
export async function NextSlots({
  db,
  actor,
  resource,
  length,
  units,
  keep,
  linkTo,
}: {
  db: Db;
  actor: Actor;
  resource: ResourceDetails;
  length: number;
  units: number;
  /** Query values to carry over in the length form. */
  keep: Record<string, string>;
  linkTo: (changes: Record<string, string>, hash?: string) => string;
}) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const lengths = slotLengths(resource);
  const slots = await nextFreeSlots(db, actor, {
    resourceId: resource.id,
    durationMinutes: length,
    quantity: Math.min(Math.max(units, 1), resource.quantity),
    count: 5,
  });
  return (
    <section aria-labelledby="next-slots" className="card space-y-4">
      <h2 id="next-slots" className="text-xl font-semibold">
        {t("nextSlots.title")}
      </h2>
      <form method="get" action={`/resources/${resource.id}`} className="flex flex-wrap items-end gap-2">
        {Object.entries(keep)
          .filter(([name, value]) => value && name !== "len")
          .map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        <div>
          <label htmlFor="slot-length" className="label">
            {t("nextSlots.length")}
          </label>
          <select id="slot-length" name="len" defaultValue={String(length)} className="input w-auto">
            {lengths.map((m) => (
              <option key={m} value={m}>
                {formatDuration(t, m)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("nextSlots.show")}
        </button>
      </form>
      {slots.length === 0 ? (
        <EmptyState title={t("nextSlots.empty")}>{t("nextSlots.emptyHint")}</EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("nextSlots.hint")}</p>
          <ul className="space-y-2" data-testid="next-slots">
            {slots.map((slot) => {
              const p = periodParams(slot.start, slot.end);
              const href = linkTo(
                {
                  date: localDate(slot.start),
                  day: p.date,
                  start: p.start,
                  end: p.end,
                  endDay: p.endDate ?? "",
                },
                "request",
              );
              return (
                <li key={slot.start.toISOString()}>
                  <Link
                    href={href}
                    className="flex min-h-11 items-center gap-2 rounded-md border border-slate-300 px-3 py-2 hover:bg-slate-50"
                  >
                    <CalendarIcon className="shrink-0 text-slate-700" />
                    <span>
                      {formatPeriod(slot.start, slot.end, locale)}
                      <span className="sr-only"> – {t("nextSlots.useSlot")}</span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
