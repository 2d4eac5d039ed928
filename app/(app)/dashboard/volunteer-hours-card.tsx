import Link from "next/link";
import { useTranslations } from "next-intl";
import { ClockIcon } from "@/app/_components/icons";

/** Volunteer hours waiting for the organisation: to record (its volunteers' work) and to confirm (work it received). */
export function VolunteerHoursCard({ toRecord, toConfirm }: { toRecord: number; toConfirm: number }) {
  const t = useTranslations("engagements.dashboard");
  return (
    <section aria-labelledby="volunteer-hours" className="card lg:col-span-2" data-testid="volunteer-hours">
      <h2 id="volunteer-hours" className="flex items-center gap-2 text-xl font-semibold">
        <ClockIcon />
        {t("title")}
      </h2>
      <ul className="mt-2 grid gap-2 sm:grid-cols-2">
        {(
          [
            {
              href: "/engagements?side=given&show=todo",
              testId: "hours-to-record",
              label: t("toRecord"),
              count: toRecord,
            },
            {
              href: "/engagements?side=received&show=todo",
              testId: "hours-to-confirm",
              label: t("toConfirm"),
              count: toConfirm,
            },
          ] as const
        ).map((item) => (
          <li key={item.testId}>
            <Link
              href={item.href}
              className="flex min-h-11 items-center justify-between gap-2 rounded-md border border-slate-300 px-3 py-2"
              data-testid={item.testId}
            >
              <span>{item.label}</span>
              <span className="rounded-full bg-amber-100 px-2 py-0.5 font-semibold text-amber-950">
                {t("count", { count: item.count })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {toRecord === 0 && toConfirm === 0 ? <p className="mt-2 text-sm text-slate-700">{t("none")}</p> : null}
    </section>
  );
}
