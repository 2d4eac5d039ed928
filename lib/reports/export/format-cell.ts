import type { Cell, CellType } from "../report-tables";

type Locale = "pl" | "en";

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, min: number, max: number, extra: Intl.NumberFormatOptions = {}) {
  const key = `${locale}|${min}|${max}|${JSON.stringify(extra)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: "always",
      ...extra,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A cell as people read it (page, print, PDF): `1 250,00 zł`, `14,7%`, `+4,7 p.p.`, `7,25`; an empty cell for null.
 * Percentages and points are fractions (0.147 is 14,7%).
 */
export function formatCell(value: Cell, type: CellType, locale: Locale = "pl"): string {
  if (value === null || value === undefined || value === "") return type === "text" ? "" : "–";
  if (typeof value === "string") return value;
  switch (type) {
    case "int":
      return numberFormat(locale, 0, 0).format(value);
    case "hours":
    case "quantity":
      return numberFormat(locale, 0, 2).format(value);
    case "money":
      return numberFormat(locale, 2, 2, { style: "currency", currency: "PLN" }).format(value);
    case "percent":
      return numberFormat(locale, 0, 1, { style: "percent" }).format(value);
    case "points": {
      const text = numberFormat(locale, 0, 1, { signDisplay: "exceptZero" }).format(value * 100);
      return locale === "pl" ? `${text} p.p.` : `${text} pp`;
    }
    default:
      return String(value);
  }
}
