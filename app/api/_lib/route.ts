import { z } from "zod";
import { getDb } from "@/db/client";
import type { Db } from "@/db/connect";
import { actorFromApiToken } from "@/lib/auth/api-tokens";
import type { Actor } from "@/lib/auth/permissions";
import { AppError, isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { localeOfRequest, translator } from "@/lib/i18n/translate";
import { log, withRequestId } from "@/lib/log/logger";
import { requestIdFrom } from "@/lib/log/request-id";
import { unstorable } from "@/lib/validation";
import { isCookieForgery } from "./cross-site";

const MAX_BODY = 64 * 1024;

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<P, Q, B> {
  db: Db;
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  request: Request;
  locale: Locale;
}

export type RouteResult = Response | { status?: number; body: unknown; headers?: Record<string, string> };

/** Who calls: a personal API token (`Authorization: Bearer wsp_…`) or the signed-in session. */
async function resolveActor(db: Db, request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? actorFromApiToken(db, match[1]) : null;
  }
  // No cookie, no session. The session module (next-auth) is loaded only when a session may exist, so token
  // callers, and tests driving the handlers outside Next.js, never need it.
  if (!request.headers.get("cookie")) return null;
  const { getActor } = await import("@/app/_lib/session");
  return getActor();
}

function refuseUnstorable(key: string, value: unknown) {
  if (unstorable(key) || (typeof value === "string" && unstorable(value))) {
    throw new AppError("validation", { reason: "invalid_text" });
  }
  return value;
}

function parse<S extends Schema | undefined>(schema: S, value: unknown): Out<S> {
  if (!schema) return undefined as Out<S>;
  return schema.parse(value) as Out<S>;
}

/** Turns any failure into `{"error":{"code","message",…}}` with the right status; never a stack trace. */
export function errorResponse(error: unknown, locale: Locale): Response {
  const t = translator(locale);
  if (error instanceof z.ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const key = issue.path.join(".") || "body";
      const reason = `validation.${issue.message}`;
      fields[key] ??= t.has(reason as never) ? t(reason as never) : t("validation.invalid");
    }
    // Only a string that cannot be an id answers 404 (it names nothing); a missing or mistyped field, or any other
    // problem alongside, is bad input: 400 with the fields.
    const notFound = error.issues.every((i) => i.message === "not_found" && i.code === "invalid_format");
    if (notFound) {
      return Response.json({ error: { code: "not_found", message: t("errors.not_found") } }, { status: 404 });
    }
    return Response.json({ error: { code: "validation", message: t("errors.validation"), fields } }, { status: 400 });
  }
  if (isAppError(error)) {
    const { message: _ignored, ...details } = error.details as Record<string, unknown>;
    const key = `errors.${error.code}`;
    return Response.json(
      { error: { code: error.code, message: t(key as never, details as never), ...details } },
      { status: error.status },
    );
  }
  log.error({ err: error }, "unexpected error in an API route");
  return Response.json({ error: { code: "internal", message: t("errors.unexpected") } }, { status: 500 });
}

/** Secret tokens in a path (calendar feeds) never reach the logs. */
const loggablePath = (url: string) => new URL(url).pathname.replace(/^(\/api\/calendar\/)[^/]+/, "$1[token]");

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/**
 * Runs a handler with the request id (from the proxy's `X-Request-Id`, or a new one) on every log line it writes,
 * answers with the same `X-Request-Id`, and logs one line per request: method, path, status, milliseconds.
 */
function traced(handler: Handler): Handler {
  return (request, context) => {
    const requestId = requestIdFrom(request.headers);
    return withRequestId(requestId, async () => {
      const started = performance.now();
      const response = await handler(request, context);
      try {
        response.headers.set("X-Request-Id", requestId);
      } catch {
        // A response with immutable headers (a redirect) goes out without it.
      }
      log.info(
        {
          method: request.method,
          path: loggablePath(request.url),
          status: response.status,
          ms: Math.round(performance.now() - started),
        },
        "request",
      );
      return response;
    });
  };
}

/**
 * The only way to write an API route: resolves the caller, validates path, query and JSON body with zod, runs
 * the handler (which calls one use-case), and maps every failure through `errorResponse`.
 */
export function authedRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(
  spec: { params?: P; query?: Q; body?: B },
  handler: (ctx: RouteContext<Out<P>, Out<Q>, Out<B>>) => Promise<RouteResult>,
) {
  return traced(async (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => {
    const locale = localeOfRequest(request);
    try {
      if (isCookieForgery(request)) throw new AppError("forbidden");
      const db = await getDb();
      const actor = await resolveActor(db, request);
      if (!actor) throw new AppError("unauthenticated");
      const params = parse(spec.params as P, await context.params);
      const query = parse(spec.query as Q, Object.fromEntries(new URL(request.url).searchParams));
      let raw: unknown;
      if (spec.body) {
        const text = await request.text();
        if (text.length > MAX_BODY) throw new AppError("validation", { reason: "too_large" });
        try {
          raw = text.trim() ? JSON.parse(text, refuseUnstorable) : {};
        } catch (error) {
          if (isAppError(error)) throw error;
          throw new AppError("validation", { reason: "malformed_json" });
        }
      }
      const body = parse(spec.body as B, raw);
      const result = await handler({ db, actor, params, query, body, request, locale });
      if (result instanceof Response) return result;
      return Response.json(result.body, { status: result.status ?? 200, headers: result.headers });
    } catch (error) {
      return errorResponse(error, locale);
    }
  });
}

/**
 * For the few routes without a signed-in caller (health, secret-token calendar feeds): the same validation of the
 * path and the same error mapping, no actor.
 */
export function publicRoute<P extends Schema | undefined = undefined>(
  spec: { params?: P },
  handler: (ctx: { params: Out<P>; request: Request; locale: Locale }) => Promise<RouteResult>,
) {
  return traced(async (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => {
    const locale = localeOfRequest(request);
    try {
      const params = parse(spec.params as P, await context.params);
      const result = await handler({ params, request, locale });
      if (result instanceof Response) return result;
      return Response.json(result.body, { status: result.status ?? 200, headers: result.headers });
    } catch (error) {
      return errorResponse(error, locale);
    }
  });
}
