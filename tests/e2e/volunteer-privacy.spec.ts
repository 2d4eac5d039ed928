import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { SENTINEL_VOLUNTEER_PHONE } from "@/db/seed-data";
import { signIn } from "./helpers";

/**
 * Issue 4, privacy: the seeded sentinel phone number of a PCK volunteer never reaches an organisation not entitled to
 * it. Each user crawls every page and API response reachable from the app's entry points by GET (links followed,
 * at most a few instances of each path pattern), and no body may contain the number in any spelling. The positive
 * control crawls as PCK itself and must find it, so the crawl can see what it is looking for.
 */
const digits = SENTINEL_VOLUNTEER_PHONE.replace(/\D/g, "");
const spellings = [SENTINEL_VOLUNTEER_PHONE, digits, digits.slice(2), digits.slice(2).replace(/(\d{3})(?=\d)/g, "$1 ")];
const containsSentinel = (body: string) => spellings.some((s) => body.includes(s));

const ENTRY_POINTS = [
  "/dashboard",
  "/resources",
  "/bookings",
  "/needs",
  "/volunteers",
  "/partners",
  "/reports",
  "/coordinator",
  "/coordinator/audit",
  "/notifications",
  "/settings",
  "/api/v1/resources",
  "/api/v1/bookings?scope=outgoing",
  "/api/v1/bookings?scope=incoming",
];

/** Links that end the session or are not pages of the app. */
const SKIP = /^\/(api\/auth|logout|_next|dev\/)|\.(png|svg|ico|woff2?|css|js)(\?|$)/;
const PER_PATTERN = 4;
const MAX_PAGES = 160;

const pattern = (path: string) =>
  path
    .split("?")[0]
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id")
    .replace(/\/wsp_[A-Za-z0-9_-]+/g, "/:token");

async function crawl(request: APIRequestContext) {
  const seen = new Set<string>();
  const perPattern = new Map<string, number>();
  const queue = [...ENTRY_POINTS];
  const pages: { path: string; status: number; leaks: boolean }[] = [];
  while (queue.length > 0 && pages.length < MAX_PAGES) {
    const path = queue.shift() as string;
    if (seen.has(path) || SKIP.test(path)) continue;
    seen.add(path);
    const key = pattern(path);
    const n = perPattern.get(key) ?? 0;
    if (n >= PER_PATTERN) continue;
    perPattern.set(key, n + 1);
    const response = await request.get(path, { maxRedirects: 5 });
    const body = await response.text();
    pages.push({ path, status: response.status(), leaks: containsSentinel(body) });
    for (const match of body.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = match[1].replaceAll("&amp;", "&");
      if (!seen.has(href)) queue.push(href);
    }
  }
  return pages;
}

async function crawlAs(page: Page, email: string) {
  await signIn(page, email);
  return crawl(page.request);
}

test.describe("a volunteer's phone number", () => {
  test.setTimeout(180_000);

  test("is found by the crawl in its own organisation (the crawl can see it)", async ({ page }) => {
    const pages = await crawlAs(page, "pck@partnerstwo.test");
    expect(pages.filter((p) => p.leaks).length).toBeGreaterThan(0);
  });

  for (const email of [
    "commando@partnerstwo.test",
    "razem@partnerstwo.test",
    "koordynator@partnerstwo.test",
    "caritas.czlonek@partnerstwo.test",
  ]) {
    test(`never reaches ${email}`, async ({ page }) => {
      const pages = await crawlAs(page, email);
      expect(pages.length).toBeGreaterThan(20);
      expect(pages.filter((p) => p.status >= 500).map((p) => `${p.status} ${p.path}`)).toEqual([]);
      expect(pages.filter((p) => p.leaks).map((p) => p.path)).toEqual([]);
    });
  }
});
