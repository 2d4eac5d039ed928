import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/connect";
import { checkDatabase } from "@/lib/health";
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
