import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
const embedded = !process.env.DATABASE_URL;

/**
 * End-to-end tests against `next build && next start`, in Debian's Chromium. With DATABASE_URL set the server uses that
 * PostgreSQL database (migrated and seeded by .ci/run); without it, a fresh embedded database under .data/e2e.
 */
export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 120_000, // journeys sign in as two or three people and run axe on every page they visit
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : "list",
  use: {
    baseURL,
    locale: "pl-PL",
    timezoneId: "Europe/Warsaw",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: `${embedded ? `rm -rf .data/e2e-${port} && ` : ""}${process.env.E2E_SKIP_BUILD ? "" : "npm run build && "}npm run start -- --port ${port}`,
        url: `${baseURL}/api/health`,
        timeout: 300_000,
        reuseExistingServer: !process.env.CI,
        stdout: "pipe",
        stderr: "pipe",
        env: {
          ...(embedded ? { DATA_DIR: `.data/e2e-${port}` } : {}),
          AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-000000",
          AUTH_TRUST_HOST: "true",
          NEXT_TELEMETRY_DISABLED: "1",
        },
      },
});
