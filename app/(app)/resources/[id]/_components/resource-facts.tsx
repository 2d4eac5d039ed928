import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { CheckIcon, XIcon } from "@/app/_components/icons";
import { EarIcon, ToiletIcon, WheelchairIcon } from "@/app/_components/resource-icons";
import type { Locale } from "@/lib/i18n/config";
import { formatMoney } from "@/lib/i18n/format";
import type { ResourceDetails } from "@/lib/resources/get-resource";
import { WEEKDAY_KEYS } from "../../_lib/local-time";

type T = Awaited<ReturnType<typeof getTranslations>>;

/** `1 godzina 30 minut`, `2 dni`, `45 minut`. */
export function formatDuration(t: T, minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return t("resourceDurations.days", { count: minutes / 1440 });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [
    hours ? t("resourceDurations.hours", { count: hours }) : null,
    rest ? t("resourceDurations.minutes", { count: rest }) : null,
  ]
    .filter(Boolean)
    .join(" ");
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String).filter(Boolean) : []);
const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value : typeof value === "number" ? String(value) : null;

/** What the resource is, where, how accessible, and its rules and hours in plain words. */
export function ResourceFacts({ resource }: { resource: ResourceDetails }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const d = resource.details ?? {};
  const rows: { term: string; value: ReactNode }[] = [];
  const push = (term: string, value: ReactNode) => {
    if (value !== null && value !== undefined && value !== "") rows.push({ term, value });
  };
  const bullet = (items: string[]) =>
    items.length ? (
      <ul className="list-disc pl-5">
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    ) : null;

  push(t("resourcePage.location"), resource.location);
  if (resource.kind === "premises") {
    push(t("resourcePage.capacity"), resource.capacity ? t("resources.capacity", { count: resource.capacity }) : null);
    push(t("resourcePage.address"), text(d.address));
    const floor = d.floor;
    push(t("resourcePage.floor"), typeof floor === "number" ? t("resourcePage.floorValue", { floor }) : text(floor));
    push(t("resourcePage.amenities"), bullet(list(d.amenities)));
  } else if (resource.kind === "equipment") {
    push(t("resourcePage.quantity"), t("bookings.units", { count: resource.quantity }));
    push(t("resourcePage.pickup"), text(d.pickup));
    push(t("resourcePage.condition"), text(d.condition));
    push(t("resourcePage.includes"), bullet(list(d.includes)));
  } else {
    push(t("resourcePage.offer"), text(d.offer));
    push(
      t("resourcePage.volunteers"),
      typeof d.volunteers === "number" ? t("resourcePage.volunteersValue", { count: d.volunteers }) : null,
    );
    push(
      t("resourcePage.maxHoursPerMonth"),
      typeof d.maxHoursPerMonth === "number" ? t("resourceDurations.hours", { count: d.maxHoursPerMonth }) : null,
    );
    push(t("resourcePage.requirements"), text(d.requirements));
  }
  if (resource.inKindRate !== null) {
    push(
      t("resourcePage.inKind"),
      resource.inKindUnit
        ? t("resourcePage.inKindValue", {
            amount: formatMoney(resource.inKindRate, locale),
            unit: t(`resourceForm.inKindUnits.${resource.inKindUnit}`),
          })
        : formatMoney(resource.inKindRate, locale),
    );
  }

  const rules: string[] = [
    resource.bookingMode === "instant"
      ? t("resourceRules.instant")
      : t("resourceRules.approval", { owner: resource.organisation.name }),
  ];
  if (resource.minMinutes) rules.push(t("resourceRules.min", { duration: formatDuration(t, resource.minMinutes) }));
  if (resource.maxMinutes) rules.push(t("resourceRules.max", { duration: formatDuration(t, resource.maxMinutes) }));
  if (resource.leadMinutes) rules.push(t("resourceRules.lead", { duration: formatDuration(t, resource.leadMinutes) }));
  if (resource.horizonDays)
    rules.push(t("resourceRules.horizon", { days: t("resourceDurations.days", { count: resource.horizonDays }) }));
  if (resource.bufferMinutes)
    rules.push(t("resourceRules.buffer", { duration: formatDuration(t, resource.bufferMinutes) }));
  if (resource.quantity > 1) rules.push(t("resourceRules.units", { count: resource.quantity }));

  const hoursByDay = WEEKDAY_KEYS.map((key, i) => ({
    key,
    intervals: resource.openingHours.filter((h) => h.weekday === i + 1).map((h) => `${h.start}–${h.end}`),
  }));
  const accessibility = [
    { key: "stepFree", Icon: WheelchairIcon },
    { key: "accessibleToilet", Icon: ToiletIcon },
    { key: "inductionLoop", Icon: EarIcon },
  ] as const;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="about" className="card space-y-3">
        <h2 id="about" className="text-xl font-semibold">
          {t("resourcePage.aboutTitle")}
        </h2>
        {resource.description ? (
          <p className="whitespace-pre-line">{resource.description}</p>
        ) : (
          <p className="text-slate-700">{t("resourcePage.noDescription")}</p>
        )}
        <p>
          {t("resourcePage.sharedBy")}{" "}
          <Link href={`/partners/${resource.organisation.slug}`}>{resource.organisation.name}</Link>
        </p>
        {rows.length ? (
          <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(8rem,auto)_1fr]">
            {rows.map((r) => (
              <div key={r.term} className="contents">
                <dt className="font-medium text-slate-800">{r.term}</dt>
                <dd>{r.value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {resource.kind === "premises" ? (
          <div>
            <h3 className="font-semibold">{t("resourcePage.accessibilityTitle")}</h3>
            <ul className="mt-1 space-y-1">
              {accessibility.map(({ key, Icon }) => {
                const yes = d[key] === true;
                return (
                  <li key={key} className="flex items-center gap-2">
                    <Icon className="shrink-0 text-slate-700" />
                    <span>
                      {t(`resourceForm.${key}`)}:{" "}
                      <span
                        className={`inline-flex items-center gap-1 font-medium ${yes ? "text-green-800" : "text-slate-800"}`}
                      >
                        {yes ? <CheckIcon width={16} height={16} /> : <XIcon width={16} height={16} />}
                        {yes ? t("resourcePage.yes") : t("resourcePage.no")}
                      </span>
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="rules" className="card space-y-3">
        <h2 id="rules" className="text-xl font-semibold">
          {t("resourceRules.title")}
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          {rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <h3 className="font-semibold">
          {t("resourcePage.hoursTitle")}{" "}
          <span className="font-normal text-slate-700">({t("resourceCalendar.polishTime")})</span>
        </h3>
        {resource.openingHours.length === 0 ? (
          <p>{t("resourcePage.alwaysOpen")}</p>
        ) : (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            {hoursByDay.map(({ key, intervals }) => (
              <div key={key} className="contents">
                <dt className="font-medium">{t(`weekdayNames.${key}`)}</dt>
                <dd className={`tabular-nums ${intervals.length ? "" : "text-slate-700"}`}>
                  {intervals.length ? intervals.join(", ") : t("resourcePage.closed")}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </div>
  );
}
