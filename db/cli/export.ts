/**
 * `npm run db:export -- FILE`: writes a plain SQL dump of the configured database to FILE. The embedded database
 * (DATA_DIR/pglite, when DATABASE_URL is unset) is dumped with PGlite's own pg_dump and must not be in use by a
 * running app; PostgreSQL (DATABASE_URL) with the system's pg_dump. Load the file with `npm run db:import -- FILE`.
 */
import path from "node:path";
import { type ExportResult, exportPglite, exportPostgres } from "@/db/dump";
import { databaseTarget } from "@/lib/env";
import { oneLine, safeUrl } from "./messages";

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length !== 1 || args[0].startsWith("-")) {
  console.error(
    "Usage: npm run db:export -- FILE\nWrites a plain SQL dump of the database (DATABASE_URL, or the embedded one) to FILE.",
  );
  process.exit(2);
}
// npm runs scripts in the project folder; a relative FILE means relative to where the admin typed the command.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), args[0]);

try {
  const target = databaseTarget();
  let result: ExportResult;
  if (target.driver === "pglite") {
    const dataDir = target.dataDir ?? "";
    console.log(`Exporting the embedded database in ${dataDir} …`);
    result = await exportPglite(dataDir, file);
  } else {
    console.log(`Exporting PostgreSQL at ${safeUrl(target.url)} …`);
    result = await exportPostgres(target.url, file);
  }
  console.log(
    `Wrote ${file} (${Math.ceil(result.bytes / 1024)} KiB): ${result.tables} tables, ${result.rows} rows. It holds personal data and password hashes: keep it private.`,
  );
} catch (error) {
  console.error(`Export failed: ${oneLine(error)}`);
  process.exitCode = 1;
}
