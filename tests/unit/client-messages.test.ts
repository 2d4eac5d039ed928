import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";
import { allMessages } from "@/lib/i18n/messages";

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return sources(full);
      return Promise.resolve(/\.tsx?$/.test(e.name) ? [full] : []);
    }),
  );
  return nested.flat();
}

/** The project file an import specifier names (`@/…` or relative), or null for packages. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.join(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return path.normalize(candidate);
  }
  return null;
}

/** Every project module that runs in the browser: the `"use client"` files and all they import, transitively. */
async function clientModules(): Promise<string[]> {
  const queue: string[] = [];
  for (const file of await sources("app")) {
    if (/^\s*["']use client["']/.test(await readFile(file, "utf8"))) queue.push(path.normalize(file));
  }
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, "utf8");
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g)) {
      if (/^\s*import\s+type\s/.test(m[0].trim())) continue;
      const target = resolveImport(file, m[1]);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return [...seen];
}

const covered = (namespace: string) => CLIENT_NAMESPACES.some((p) => namespace === p || namespace.startsWith(`${p}.`));

describe("messages sent to the browser", () => {
  it("include every namespace read by a module that runs in the browser", async () => {
    const missing: string[] = [];
    const modules = await clientModules();
    for (const file of modules) {
      const text = await readFile(file, "utf8");
      expect(text, `${file} reads messages without a namespace`).not.toMatch(/useTranslations\(\s*\)/);
      for (const m of text.matchAll(/useTranslations\(\s*["']([^"']+)["']\s*\)/g)) {
        if (!covered(m[1])) missing.push(`${m[1]} (${file})`);
      }
    }
    // The graph reaches shared components that have no directive of their own (the status badge, for one).
    expect(modules).toContain(path.normalize("app/_components/status-badge.tsx"));
    expect(missing).toEqual([]);
  });

  it("name only namespaces that exist, in both languages", () => {
    for (const locale of ["pl", "en"] as const) {
      const picked = pickMessages(allMessages[locale]);
      for (const p of CLIENT_NAMESPACES) {
        const value = p.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], picked);
        expect(value, `${locale}: ${p}`).toBeTypeOf("object");
      }
    }
  });

  it("are a fraction of the whole catalogue", () => {
    const all = JSON.stringify(allMessages.pl).length;
    const picked = JSON.stringify(pickMessages(allMessages.pl)).length;
    expect(picked).toBeLessThan(all * 0.6);
  });
});
