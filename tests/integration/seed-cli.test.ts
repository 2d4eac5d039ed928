import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("npm run db:seed", () => {
  it("refuses demo accounts in a production database unless told so, and writes nothing", () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "wsp-seed-")), "data");
    const result = spawnSync(process.execPath, ["--import", "tsx", "db/cli/seed.ts"], {
      cwd: process.cwd(),
      env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, DATABASE_URL: "", SEED_DEMO: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Refusing to seed demo data");
    expect(result.stderr).toContain("--demo");
    expect(existsSync(dataDir)).toBe(false);
  });
});
