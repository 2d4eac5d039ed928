import { execFileSync } from "node:child_process";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** The commit being built, for /api/health (GIT_COMMIT at run time wins); none outside a git checkout. */
function buildCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { encoding: "utf8", stdio: "pipe" }).trim();
  } catch {
    return "";
  }
}

const nextConfig: NextConfig = {
  env: { WSP_BUILD_COMMIT: process.env.GIT_COMMIT?.trim() || buildCommit() },
  // A self-contained server in .next/standalone (`node .next/standalone/server.js`); `npm run build` then copies the
  // static files next to it (the `postbuild` script). See README, "Production".
  output: "standalone",
  // Read from disk at run time, so the file tracer cannot see them: the migrations (the embedded database migrates
  // itself at start) and the PDF fonts.
  outputFileTracingIncludes: {
    "/**": [
      "./db/migrations/**/*",
      "./node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
      "./node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
    ],
  },
  // PGlite loads its WASM and extension bundles from its own package folder at run time; pino writes with its own
  // worker-free destination and must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "nodemailer", "pino"],
  poweredByHeader: false,
  experimental: {
    // A photo may be 5 MB (lib/domain/photo-file.ts); its form adds a few kilobytes. Server actions accept 1 MB by
    // default. proxy.ts buffers request bodies up to `proxyClientMaxBodySize` (10 MB by default), so it cuts none.
    serverActions: { bodySizeLimit: "6mb" },
  },
  turbopack: { root: import.meta.dirname },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          // HTTPS only from the first visit on, in production (a development server speaks plain HTTP).
          ...(process.env.NODE_ENV === "production"
            ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
            : []),
        ],
      },
      {
        // Pages get a nonce-based policy from proxy.ts; JSON, iCal and the API docs need nothing but their own styles.
        source: "/api/:path*",
        headers: [
          {
            key: "Content-Security-Policy",
            value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
          },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
