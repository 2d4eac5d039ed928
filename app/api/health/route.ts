import { publicRoute } from "@/app/api/_lib/route";
import { getDatabase } from "@/db/client";
import journal from "@/db/migrations/meta/_journal.json";
import { checkDatabase, checkMigrations } from "@/lib/health";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

/** The commit this build came from: `GIT_COMMIT` at run time, else the one `next build` saw (next.config.ts). */
const commit = () => process.env.GIT_COMMIT?.trim() || process.env.WSP_BUILD_COMMIT || null;

/**
 * `200 {"status":"ok","db":"ok","version","commit","migrations":{"state":"current",…}}`; 503 when the database does
 * not answer, or answers with committed migrations missing (the new version would fail on the old schema). A database
 * that is ahead (a newer version already migrated it, during a rolling upgrade) is still 200.
 */
export const GET = publicRoute({}, async () => {
  const about = { version: pkg.version, commit: commit() };
  const headers = { "Cache-Control": "no-store" };
  const ok = await checkDatabase(getDatabase);
  if (!ok) return { status: 503, body: { status: "error", db: "unavailable", ...about }, headers };
  const migrations = await checkMigrations(await getDatabase(), journal.entries).catch(() => null);
  const healthy = migrations !== null && migrations.state !== "pending";
  return {
    status: healthy ? 200 : 503,
    body: { status: healthy ? "ok" : "error", db: "ok", ...about, migrations: migrations ?? { state: "unknown" } },
    headers,
  };
});
