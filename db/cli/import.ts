/**
 * `npm run db:import -- FILE`: loads a plain SQL dump (from `npm run db:export`) into the empty PostgreSQL database
 * that DATABASE_URL names, in one transaction, then checks that its migrations match this app's (applying this
 * app's newer ones to a dump of an older version). A non-empty target or a dump of a newer schema changes nothing.
 */
import path from "node:path";
import { importDump } from "@/db/dump";
import { oneLine, safeUrl } from "./messages";

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length !== 1 || args[0].startsWith("-")) {
  console.error(
    "Usage: DATABASE_URL=postgres://… npm run db:import -- FILE\nLoads a dump from npm run db:export into that empty database.",
  );
  process.exit(2);
}
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), args[0]);
const url = process.env.DATABASE_URL?.trim();
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(
    "Import failed: set DATABASE_URL (postgres://…) to the new, empty PostgreSQL database to import into. The embedded database is never a target.",
  );
  process.exit(1);
}

try {
  console.log(`Importing ${file} into PostgreSQL at ${safeUrl(url)} …`);
  const result = await importDump(url, file);
  console.log(
    `Loaded ${result.statements} statements in one transaction (${result.dropped} skipped: owners, grants, settings this server does not take).`,
  );
  if (result.migrated.length > 0) {
    console.log(
      `The dump was of an older version; applied this app's newer migrations: ${result.migrated.join(", ")}.`,
    );
  }
  console.log(`Migrations match this app. ${result.tables} tables, ${result.rows} rows.`);
} catch (error) {
  console.error(`Import failed: ${oneLine(error)}`);
  process.exitCode = 1;
}
