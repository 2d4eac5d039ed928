import { DumpError } from "@/db/dump";

/** One line: drizzle and the drivers wrap errors, the useful part is often in `cause`. */
export function oneLine(error: unknown): string {
  if (error instanceof DumpError) return error.message;
  const parts: string[] = [];
  for (let e: unknown = error; e && parts.length < 3; e = (e as { cause?: unknown }).cause) {
    parts.push(e instanceof Error ? e.message : String(e));
  }
  return parts.join(" – ").replace(/\s+/g, " ").trim();
}

/** A database URL fit to print: the password masked. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "(DATABASE_URL could not be parsed)";
  }
}
