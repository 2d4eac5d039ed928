/** Cards on one page of the catalogue: enough to scan, few enough that a phone gets the page quickly. */
export const CATALOGUE_PAGE_SIZE = 24;

export interface CataloguePage {
  /** 1-based page shown. */
  page: number;
  pages: number;
  /** Index of the first and one past the last item shown. */
  start: number;
  end: number;
}

/**
 * Which slice of `total` results the `?page=` parameter asks for. Anything that is not a whole number in range
 * (missing, `abc`, `0`, `999` after results shrank) shows the nearest existing page rather than an error.
 */
export function cataloguePage(total: number, requested: string | string[] | undefined, size = CATALOGUE_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / size));
  const raw = Array.isArray(requested) ? requested[0] : requested;
  const asked = raw && /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : 1;
  const page = Math.min(Math.max(asked, 1), pages);
  const start = (page - 1) * size;
  return { page, pages, start, end: Math.min(start + size, total) } satisfies CataloguePage;
}

/** The catalogue's URL for another page, keeping every search field. */
export function cataloguePageHref(values: Record<string, string>, page: number): string {
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v));
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/resources?${text}` : "/resources";
}
