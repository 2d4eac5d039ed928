import { AppError } from "@/lib/errors";

/** The AppError code a use-case fails with, or "ok"; any other error fails the test. */
export async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === "function" ? p() : p);
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}
