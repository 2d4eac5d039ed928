import type { DatabaseHandle, Db } from "@/db/connect";
import { blackouts, openingHours } from "@/db/schema";
import { createApiToken } from "@/lib/auth/api-tokens";
import { toRange } from "@/lib/domain/period";
import type { WeeklyInterval } from "@/lib/domain/types";
import { createMember } from "./factories";

/** A Next.js route handler as exported by `app/**\/route.ts`. */
export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

export interface ApiCall {
  method?: string;
  /** Path and query under the host, e.g. `/api/v1/bookings?scope=incoming`. */
  path?: string;
  token?: string;
  /** Serialised with JSON.stringify; use `raw` for text that is not JSON. */
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  params?: Record<string, string | string[]>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are inspected field by field in the tests.
  json: any;
}

/** Calls a route handler the way Next.js does: a Request and a promise of the path parameters. */
export async function call(handler: RouteHandler, options: ApiCall = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const method = options.method ?? (options.body === undefined && options.raw === undefined ? "GET" : "POST");
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(`http://localhost${options.path ?? "/api/v1/bookings"}`, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { unparsed: text };
  }
  return { status: response.status, headers: response.headers, json };
}

/** A member of `organisationId` with a personal API token. */
export async function apiMember(db: Db, organisationId: string, role: "member" | "admin" = "member") {
  const member = await createMember(db, organisationId, role);
  const { token } = await createApiToken(db, member.actor, { name: "test" });
  return { ...member, token };
}

/** The same wall-clock hours on every weekday. */
export const everyDay = (start: string, end: string): WeeklyInterval[] =>
  ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, start, end }));

export async function setOpeningHours(db: Db, resourceId: string, hours: WeeklyInterval[]) {
  await db
    .insert(openingHours)
    .values(hours.map((h) => ({ resourceId, weekday: h.weekday, startTime: h.start, endTime: h.end })));
}

export async function addBlackout(db: Db, resourceId: string, start: Date, end: Date, reason = "Remont") {
  await db.insert(blackouts).values({ resourceId, period: toRange({ start, end }), reason });
}

export interface RowCounts {
  bookings: number;
  resources: number;
  blackouts: number;
  audit: number;
}

/** Rows of the tables a request could write to, counted in one query. */
export async function rowCounts(h: DatabaseHandle): Promise<RowCounts> {
  const [row] = await h.query<Record<keyof RowCounts, string | number>>(
    `SELECT (SELECT count(*) FROM bookings) AS bookings, (SELECT count(*) FROM resources) AS resources,
            (SELECT count(*) FROM blackouts) AS blackouts, (SELECT count(*) FROM audit_log) AS audit`,
  );
  return {
    bookings: Number(row.bookings),
    resources: Number(row.resources),
    blackouts: Number(row.blackouts),
    audit: Number(row.audit),
  };
}
