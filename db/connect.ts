import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The database or a transaction on it: both drivers share this type, so use-cases never know which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseTarget =
  | { driver: "postgres"; url: string; max?: number }
  | { driver: "pglite"; dataDir?: string /* undefined = in memory */ };

export interface DatabaseHandle {
  db: Db;
  target: DatabaseTarget;
  /** Runs plain SQL and returns its rows, whichever driver is underneath. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

type Sql = ReturnType<typeof postgres>;

/**
 * drizzle-orm sends every query through `sql.unsafe(text, params, { prepare: false })`. postgres.js then cannot use
 * a named statement: for a query with parameters it first asks the server for the parameter types (Parse, Describe,
 * and a wait) and only then binds and executes: two round trips, and a fresh parse and plan on every call. Named
 * statements, kept per connection by their text, take one round trip and reuse the plan; a booking request went
 * from six round trips to three (see DECISIONS). Queries without parameters keep the simple protocol (several
 * statements in one text, as migrations send). Inside transactions and savepoints, the same.
 */
function preparing(client: Sql): Sql {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (text: string, args?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(text, args as never[], { ...options, prepare: true });
      }
      if (prop === "begin" || prop === "savepoint") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: Sql) => unknown;
          const method = Reflect.get(target, prop, receiver) as (...a: unknown[]) => unknown;
          return method.call(target, ...args, (tx: Sql) => callback(preparing(tx)));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** Opens a connection; nothing is migrated or seeded here. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.driver === "postgres") {
    const client = postgres(target.url, {
      max: target.max ?? 10,
      // Named statements are cached per connection (see `preparing`); a connection that lives at most 30 minutes
      // bounds that cache and picks up plans of a freshly migrated schema.
      max_lifetime: 30 * 60,
      onnotice: () => {},
      // Reports scan many rows; JIT compilation only adds latency at this size (see STACK-NOTES).
      connection: { jit: "off", TimeZone: "UTC" },
    });
    const db = drizzlePostgres(preparing(client), { schema }) as unknown as Db;
    return {
      db,
      target,
      query: async <T>(text: string, params: unknown[] = []) =>
        (await client.unsafe(text, params as never[])) as unknown as T[],
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  // The one-argument form: with (dataDir, options) an undefined dataDir silently drops the extensions.
  const client = new PGlite({ dataDir: target.dataDir, extensions: { btree_gist, pg_trgm, unaccent } });
  await client.waitReady;
  await client.exec("SET TIME ZONE 'UTC'");
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    target,
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
  };
}
