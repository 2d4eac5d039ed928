import type { DatabaseHandle } from "@/db/connect";

/** Whether the database answers a trivial query within the time limit. */
export async function checkDatabase(connect: () => Promise<DatabaseHandle>, timeoutMs = 3000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = (async () => {
    const handle = await connect();
    const rows = await handle.query<{ ok: number }>("select 1 as ok");
    return rows[0]?.ok === 1;
  })().catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface JournalEntry {
  when: number;
  tag: string;
}

export interface MigrationState {
  /** `current`: every committed migration is applied; `pending`: some are not (run `npm run db:migrate`); `ahead`:
   * the database has a migration this version does not know (a newer version migrated it). */
  state: "current" | "pending" | "ahead";
  applied: number;
  expected: number;
  /** The tag of the last committed migration. */
  latest: string | null;
}

/**
 * Compares drizzle's record of applied migrations (`drizzle.__drizzle_migrations`, one row per migration with its
 * journal timestamp in `created_at`) with the committed journal. drizzle applies every journal entry newer than the
 * last applied one, so that comparison is the one that matters.
 */
export async function checkMigrations(handle: DatabaseHandle, journal: JournalEntry[]): Promise<MigrationState> {
  const [table] = await handle.query<{ present: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as present",
  );
  const rows = table?.present
    ? await handle.query<{ n: number | string; last: number | string | null }>(
        "select count(*) as n, max(created_at) as last from drizzle.__drizzle_migrations",
      )
    : [{ n: 0, last: null }];
  const applied = Number(rows[0]?.n ?? 0);
  const last = rows[0]?.last == null ? null : Number(rows[0].last);
  const newest = journal.reduce((max, e) => Math.max(max, e.when), 0);
  const latest = journal.find((e) => e.when === newest)?.tag ?? null;
  let state: MigrationState["state"] = "current";
  if (last === null || last < newest) state = "pending";
  else if (last > newest) state = "ahead";
  return { state, applied, expected: journal.length, latest };
}
