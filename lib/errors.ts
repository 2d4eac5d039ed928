/**
 * The one error type users may see. Each code has an HTTP status here and a translated message under
 * `errors.<code>` in the message files; anything that is not an AppError is logged and shown as a generic error.
 */
export const errorStatus = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation: 400,
  rule_violation: 422,
  /** A volunteer lacks what the work requires (children-work check, a valid qualification); details name them. */
  volunteer_gate: 422,
  /** A volunteer is already engaged at an overlapping time. */
  volunteer_busy: 409,
  rate_limited: 429,
  invalid_credentials: 401,
  invitation_invalid: 410,
  last_admin: 409,
  already_member: 409,
  weak_password: 400,
  unavailable: 503,
  idempotency_mismatch: 422,
  invalid_state: 409,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    /** Values for the translated message, and extra fields for API clients. */
    public readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** SQLSTATE of a driver error; drizzle wraps driver errors, so the code may sit on `cause`. */
export function sqlState(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
