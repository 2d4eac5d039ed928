import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The operations tests: the production build (standalone servers) behind nginx on PostgreSQL. Not part of `npm test`;
 * run after `npm run build` with `npx vitest run --config tests/ops/vitest.config.ts` (.ci/run does).
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, "../.."),
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "../..") } },
  test: {
    include: ["tests/ops/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
