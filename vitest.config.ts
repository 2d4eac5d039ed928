import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // PGlite in memory takes a few seconds to start and migrate per file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
