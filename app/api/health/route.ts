import { publicRoute } from "@/app/api/_lib/route";
import { getDatabase } from "@/db/client";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

/** `200 {"status":"ok","db":"ok"}`, or 503 when the database does not answer. */
export const GET = publicRoute({}, async () => {
  const ok = await checkDatabase(getDatabase);
  return {
    status: ok ? 200 : 503,
    body: ok ? { status: "ok", db: "ok" } : { status: "error", db: "unavailable" },
    headers: { "Cache-Control": "no-store" },
  };
});
