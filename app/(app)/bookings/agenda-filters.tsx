import Link from "next/link";
import { useTranslations } from "next-intl";
import { type AgendaQuery, agendaHref, periods, scopes, statusFilters } from "./query";

const segment = (current: boolean) =>
  `inline-flex min-h-11 items-center rounded-md px-3 font-medium no-underline ${
    current
      ? "bg-brand-700 text-white hover:text-white"
      : "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100 hover:text-slate-900"
  }`;

/** Whose bookings (tabs), upcoming or past (a toggle), and a status filter that works without JavaScript. */
export function AgendaFilters({ query }: { query: AgendaQuery }) {
  const t = useTranslations("agenda");
  return (
    <div className="space-y-4">
      <nav aria-labelledby="agenda-scope-label">
        <p id="agenda-scope-label" className="label">
          {t("scopeLabel")}
        </p>
        <ul className="flex flex-wrap gap-2">
          {scopes.map((scope) => (
            <li key={scope}>
              <Link
                href={agendaHref(query, { scope })}
                aria-current={query.scope === scope ? "page" : undefined}
                className={segment(query.scope === scope)}
              >
                {t(`scope.${scope}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <nav aria-labelledby="agenda-when-label">
          <p id="agenda-when-label" className="label">
            {t("whenLabel")}
          </p>
          <ul className="flex flex-wrap gap-2">
            {periods.map((when) => (
              <li key={when}>
                <Link
                  href={agendaHref(query, { when })}
                  aria-current={query.when === when ? "page" : undefined}
                  className={segment(query.when === when)}
                >
                  {t(`when.${when}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form method="get" action="/bookings" className="flex flex-wrap items-end gap-2">
          {query.scope !== "all" ? <input type="hidden" name="scope" value={query.scope} /> : null}
          {query.when !== "upcoming" ? <input type="hidden" name="when" value={query.when} /> : null}
          <div>
            <label htmlFor="agenda-status" className="label">
              {t("statusLabel")}
            </label>
            <select key={query.status} id="agenda-status" name="status" defaultValue={query.status} className="input">
              {statusFilters.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            {t("filter")}
          </button>
        </form>
      </div>
    </div>
  );
}
