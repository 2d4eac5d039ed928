import { getDatabase } from "@/db/client";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

/** `200 {"status":"ok","db":"ok"}`, or 503 when the database does not answer. */
export async function GET() {
  const ok = await checkDatabase(getDatabase);
  return Response.json(ok ? { status: "ok", db: "ok" } : { status: "error", db: "unavailable" }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
