import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/connect";
import journal from "@/db/migrations/meta/_journal.json";
import { checkDatabase, checkMigrations } from "@/lib/health";
import { createTestDatabase, testDriver } from "../helpers/db";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe(`health check (${testDriver})`, () => {
  it("reports a database that answers", async () => {
    expect(await checkDatabase(async () => h)).toBe(true);
  });

  it("reports a database that cannot be reached, within its time limit", async () => {
    // Nothing listens on port 1; the driver fails to connect.
    const unreachable = () => openDatabase({ driver: "postgres", url: "postgres://postgres@127.0.0.1:1/none", max: 1 });
    const started = Date.now();
    expect(await checkDatabase(unreachable, 2000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("reports a database that hangs", async () => {
    const hanging = () => new Promise<DatabaseHandle>(() => {});
    expect(await checkDatabase(hanging, 200)).toBe(false);
  });
});

describe(`migration state (${testDriver})`, () => {
  const entries = journal.entries;
  const last = entries[entries.length - 1];

  it("is current on a database migrated with the committed migrations", async () => {
    expect(await checkMigrations(h, entries)).toEqual({
      state: "current",
      applied: entries.length,
      expected: entries.length,
      latest: last.tag,
    });
  });

  it("is pending when the code has a migration the database lacks", async () => {
    const newer = [...entries, { when: last.when + 1000, tag: "9999_next" }];
    expect(await checkMigrations(h, newer)).toMatchObject({ state: "pending", expected: entries.length + 1 });
  });

  it("is ahead when a newer version has migrated the database", async () => {
    expect(await checkMigrations(h, entries.slice(0, -1))).toMatchObject({ state: "ahead" });
  });

  it("is pending on a database never migrated", async () => {
    const empty = await openDatabase({ driver: "pglite" });
    try {
      expect(await checkMigrations(empty, entries)).toMatchObject({ state: "pending", applied: 0 });
    } finally {
      await empty.close();
    }
  });
});
