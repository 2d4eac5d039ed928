import { describe, expect, it } from "vitest";
import { AppError, type ErrorCode, errorStatus, isAppError, sqlState } from "@/lib/errors";

// Written out by hand so that a changed status shows up here.
const expectedStatus: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation: 400,
  rule_violation: 422,
  volunteer_gate: 422,
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
};

describe("AppError", () => {
  it("knows exactly the codes this test knows", () => {
    expect(Object.keys(errorStatus).sort()).toEqual(Object.keys(expectedStatus).sort());
  });

  it.each(Object.entries(expectedStatus))("%s has HTTP status %i", (code, status) => {
    const error = new AppError(code as ErrorCode);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
  });

  it("is an Error with its code as message and keeps its details", () => {
    const error = new AppError("validation", { field: "name", reason: "too_short" });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("AppError");
    expect(error.message).toBe("validation");
    expect(error.details).toEqual({ field: "name", reason: "too_short" });
    expect(new AppError("not_found").details).toEqual({});
  });

  it("is told apart from other errors by isAppError", () => {
    expect(isAppError(new AppError("conflict"))).toBe(true);
    expect(isAppError(new Error("conflict"))).toBe(false);
    expect(isAppError({ code: "conflict", status: 409 })).toBe(false);
    expect(isAppError(null)).toBe(false);
  });
});

describe("sqlState", () => {
  it("reads the SQLSTATE from the error itself", () => {
    expect(sqlState(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe("23505");
    expect(sqlState({ code: "23P01" })).toBe("23P01");
  });

  it("reads it from a nested cause, as when drizzle wraps the driver error", () => {
    const driver = Object.assign(new Error("conflicting key value violates exclusion constraint"), { code: "23P01" });
    const wrapped = new Error("Failed query: insert into bookings …", { cause: driver });
    expect(sqlState(wrapped)).toBe("23P01");
    expect(sqlState(new Error("outer", { cause: wrapped }))).toBe("23P01");
  });

  it("prefers the outermost SQLSTATE", () => {
    const inner = { code: "23505" };
    expect(sqlState({ code: "40001", cause: inner })).toBe("40001");
  });

  it("skips a non-SQLSTATE code and keeps looking in the cause", () => {
    expect(sqlState({ code: "ERR_POSTGRES", cause: { code: "23514" } })).toBe("23514");
  });

  it.each(["ECONNREFUSED", "ETIMEDOUT", "ENOTFOUND", "23505 ", "2350", "235050", "23p01", ""])(
    "ignores the code %j",
    (code) => {
      expect(sqlState(Object.assign(new Error("x"), { code }))).toBeUndefined();
    },
  );

  it("ignores numeric codes and errors without a code", () => {
    expect(sqlState({ code: 23505 })).toBeUndefined();
    expect(sqlState(new Error("no code"))).toBeUndefined();
  });

  it.each([undefined, null, "23505", 23505, true])("returns undefined for the non-object %j", (value) => {
    expect(sqlState(value)).toBeUndefined();
  });

  it("does not loop forever on a cyclic cause chain", () => {
    const a: { code: string; cause?: unknown } = { code: "ECONNRESET" };
    a.cause = a;
    expect(sqlState(a)).toBeUndefined();
  });
});
