import Link from "next/link";
import { useTranslations } from "next-intl";
import { BookingModeBadge } from "@/app/_components/booking-mode-badge";
import { BoxIcon, InfoIcon } from "@/app/_components/icons";
import { KindBadge } from "@/app/_components/kind-badge";
import { MapPinIcon, PeopleIcon } from "@/app/_components/resource-icons";
import type { ResourceListItem } from "@/lib/resources/list-resources";

/** One resource in the catalogue; with a searched window, its free units and the rules a request would break. */
export function ResourceCard({
  item,
  requestQuery,
}: {
  item: ResourceListItem;
  /** Query string that pre-fills the request form with the searched window. */
  requestQuery?: string;
}) {
  const t = useTranslations();
  const href = `/resources/${item.id}`;
  return (
    <li className="card flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <KindBadge kind={item.kind} />
        <BookingModeBadge mode={item.bookingMode} />
      </div>
      <h3 className="text-lg font-semibold">
        <Link href={requestQuery ? `${href}?${requestQuery}` : href}>{item.name}</Link>
      </h3>
      <p className="text-sm text-slate-700">{t("catalogue.sharedBy", { owner: item.organisation.name })}</p>
      <ul className="space-y-1 text-sm text-slate-800">
        {item.capacity ? (
          <li className="flex items-center gap-2">
            <PeopleIcon className="shrink-0 text-slate-600" />
            {t("resources.capacity", { count: item.capacity })}
          </li>
        ) : null}
        {item.kind === "equipment" ? (
          <li className="flex items-center gap-2">
            <BoxIcon className="shrink-0 text-slate-600" />
            {item.freeUnits !== undefined
              ? t("catalogue.freeUnits", { free: item.freeUnits, count: item.quantity })
              : t("bookings.units", { count: item.quantity })}
          </li>
        ) : null}
        {item.location ? (
          <li className="flex items-center gap-2">
            <MapPinIcon className="shrink-0 text-slate-600" />
            <span className="line-clamp-2">{item.location}</span>
          </li>
        ) : null}
      </ul>
      {item.ruleViolations?.length ? (
        <div className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          <InfoIcon className="mt-0.5 shrink-0" />
          <div>
            <p className="font-medium">{t("catalogue.rulesNote")}</p>
            <ul className="list-disc pl-4">
              {item.ruleViolations.map((v) => (
                <li key={v}>{t(`violations.${v}`)}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {item.description ? <p className="line-clamp-3 text-slate-800">{item.description}</p> : null}
    </li>
  );
}
