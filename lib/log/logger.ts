import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

/**
 * Structured JSON logs (pino), one object per line on standard output, for the server and its jobs. Every line carries
 * the request id of the request (or job run) it belongs to, from an AsyncLocalStorage context that `withRequestId`
 * opens in the API and server-action wrappers and around each job round. Secrets and personal data stay out: known
 * fields are censored (`redact`), errors are reduced to type, code, message and stack with e-mail addresses masked
 * (a database error's `parameters`, `query` and `detail` may hold personal data and are dropped). `LOG_LEVEL` sets the
 * level (default `info`; silent under vitest unless set).
 */
interface LogContext {
  requestId: string;
}

// One store per process: route bundles and instrumentation may each load their own copy of this module.
const holder = globalThis as { __wspLogContext?: AsyncLocalStorage<LogContext> };
if (!holder.__wspLogContext) holder.__wspLogContext = new AsyncLocalStorage<LogContext>();
const storage = holder.__wspLogContext;

/** Runs `fn` with `requestId` on every log line written inside it (awaited work included). */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[A-Za-z]{2,}/g;
/** E-mail addresses in free text (error messages) become `[email]`. */
export const maskPersonal = (text: string) => text.replace(EMAIL, "[email]");

/**
 * drizzle's `DrizzleQueryError` says `Failed query: <sql>\nparams: <values>`, and the values are people's names,
 * phones and notes: everything from `params:` on is cut, in the message and in the stack.
 */
const stripParams = (text: string) => text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, "\nparams: [redacted]");
const clean = (text: string) => maskPersonal(stripParams(text));

/** What an error may say in the logs. */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: clean(String(error)).slice(0, 500) };
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: unknown }).cause;
  return {
    type: error.name,
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    message: clean(error.message).slice(0, 1000),
    stack: error.stack ? clean(error.stack).split("\n").slice(0, 12).join("\n") : undefined,
    ...(cause instanceof Error ? { cause: serializeError(cause) } : {}),
  };
}

/** Field names censored wherever they appear (top level and one level down). */
const SECRET_KEYS = [
  "password",
  "passwordHash",
  "token",
  "secret",
  "authorization",
  "cookie",
  "email",
  "to",
  "phone",
  "name",
  "purpose",
];

/** A logger writing to `destination` (standard output by default); `log` is the process's one. */
export function createLogger(destination?: pino.DestinationStream, level?: string) {
  return pino(
    {
      level: level ?? process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
      base: { pid: process.pid, service: "wspoldzielnia" },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError, error: serializeError },
      redact: { paths: [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`)], censor: "[redacted]" },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination,
  );
}

export const log = createLogger();
