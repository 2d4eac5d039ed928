/**
 * House rules checked over the source text:
 * - a file under app/ that starts with "use server" exports only `export const <name>Action = authedAction(…)` or
 *   `= publicAction(…)`, with both helpers imported from app/_lib/action.ts;
 * - nothing under app/ imports drizzle-orm or the database schema (pages go through lib/ use-cases);
 * - lib/domain is pure: no database, no Next.js or React, no environment, no reading the clock.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const read = (file: string) => readFileSync(file, "utf8");
const rel = (file: string) => path.relative(ROOT, file);

/** Removes comments well enough for these checks (a `//` after `:` — as in URLs — is left alone). */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/(^|[\s;{}(),])\/\/.*$/gm, "$1");
}

/** True when the first statement of the module is the "use server" directive. */
function startsWithUseServer(source: string): boolean {
  const body = stripComments(source.replace(/^\uFEFF/, "")).trimStart();
  return /^(["'])use server\1\s*(;|\n|$)/.test(body);
}

/** Every export statement that is not `export const <name>Action = authedAction(` / `publicAction(`. */
function exportProblems(source: string): string[] {
  const code = stripComments(source);
  const problems: string[] = [];
  for (const match of code.matchAll(/(?:^|;)[ \t]*(export\b[^\n]*)/gm)) {
    const statement = match[1].trim();
    const ok = /^export\s+const\s+([A-Za-z_$][\w$]*Action)\s*=\s*(authedAction|publicAction)\s*\(/.exec(statement);
    if (!ok) {
      problems.push(statement.slice(0, 100));
      continue;
    }
    const helper = ok[2];
    const imported = [...code.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)].some(
      ([, names, from]) =>
        (from === "@/app/_lib/action" || /(^|\/)_lib\/action(\.ts)?$/.test(from)) &&
        names.split(",").some((n) => n.trim() === helper),
    );
    if (!imported) problems.push(`${statement.slice(0, 100)} (${helper} is not imported from app/_lib/action)`);
  }
  return problems;
}

/** Module specifiers of static imports, re-exports, dynamic imports and requires. */
function importsOf(source: string): string[] {
  const code = stripComments(source);
  const specifiers: string[] = [];
  const patterns = [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const [, s] of code.matchAll(pattern)) specifiers.push(s);
  return specifiers;
}

/** The repo-relative path a specifier points into, for `@/…` and relative specifiers; undefined for packages. */
function target(specifier: string, file: string): string | undefined {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.relative(ROOT, path.resolve(path.dirname(file), specifier));
  return undefined;
}

const under = (p: string | undefined, dir: string) =>
  p !== undefined && (p === dir || p.startsWith(`${dir}/`) || p.startsWith(`${dir}.`));

function layeringProblems(source: string, file: string): string[] {
  return importsOf(source)
    .filter((s) => /^drizzle-orm(\/|$)/.test(s) || under(target(s, file), "db/schema"))
    .map((s) => `imports ${s}`);
}

function domainProblems(source: string, file: string): string[] {
  const problems = importsOf(source)
    .filter((s) => under(target(s, file), "db") || /^(next|react)(-[\w-]+)?(\/|$)/.test(s))
    .map((s) => `imports ${s}`);
  const code = stripComments(source);
  if (/\bprocess\s*(\.\s*env\b|\[)/.test(code)) problems.push("reads process.env");
  if (/\bnew\s+Date\s*\(\s*\)/.test(code) || /\bnew\s+Date\b(?!\s*\()/.test(code)) problems.push("calls new Date()");
  if (/\bDate\s*\.\s*now\s*\(/.test(code)) problems.push("calls Date.now()");
  return problems;
}

const appFiles = sourceFiles(path.join(ROOT, "app"));

describe("the checks themselves", () => {
  it("recognise the directive only as the first statement", () => {
    expect(startsWithUseServer('"use server";\n\nexport const a = 1;')).toBe(true);
    expect(startsWithUseServer("// actions\n/* more */\n'use server'\nexport const a = 1;")).toBe(true);
    expect(startsWithUseServer('import x from "y";\n"use server";')).toBe(false);
    expect(startsWithUseServer('"use client";\n')).toBe(false);
    expect(startsWithUseServer('"use serverless";\n')).toBe(false);
  });

  it("accept the allowed form and flag everything else", () => {
    const good = [
      '"use server";',
      'import { authedAction, publicAction } from "@/app/_lib/action";',
      "export const saveAction = authedAction(schema, async () => {});",
      "export const signInAction = publicAction(",
      "  schema, async () => {});",
    ].join("\n");
    expect(exportProblems(good)).toEqual([]);

    const bad = [
      '"use server";',
      'import { authedAction } from "@/app/_lib/action";',
      "export async function save() {}",
      "export default async function () {}",
      "export const save = authedAction(schema, fn);",
      "export const helperAction = async () => {};",
      "export { other };",
      "export type X = string;",
      "export const ownAction = publicAction(schema, fn);",
    ].join("\n");
    expect(exportProblems(bad)).toHaveLength(7);
  });

  it("flag forbidden imports and impure calls", () => {
    expect(layeringProblems('import { eq } from "drizzle-orm";', "app/x.ts")).toHaveLength(1);
    expect(layeringProblems('import { users } from "@/db/schema";', "app/x.ts")).toHaveLength(1);
    expect(layeringProblems('import { users } from "../../db/schema";', path.join(ROOT, "app/a/x.ts"))).toHaveLength(1);
    expect(layeringProblems('import { getDb } from "@/db/client";', "app/x.ts")).toEqual([]);
    const impure =
      'import { x } from "@/db/client";\nimport { y } from "next/cache";\nconst a = new Date();\nDate.now();\nprocess.env.X;';
    expect(domainProblems(impure, path.join(ROOT, "lib/domain/x.ts"))).toHaveLength(5);
    expect(domainProblems("const d = new Date(iso); // not new Date()", path.join(ROOT, "lib/domain/x.ts"))).toEqual(
      [],
    );
  });
});

describe('"use server" files', () => {
  const serverFiles = appFiles.filter((f) => startsWithUseServer(read(f)));

  it("exist (so the rule is not checked vacuously)", () => {
    expect(serverFiles.map(rel).length, `found: ${serverFiles.map(rel).join(", ")}`).toBeGreaterThanOrEqual(5);
  });

  it("export only `<name>Action = authedAction(…)` or `publicAction(…)`", () => {
    const offending = serverFiles.flatMap((f) => exportProblems(read(f)).map((p) => `${rel(f)}: ${p}`));
    expect(offending, `offending exports:\n${offending.join("\n")}`).toEqual([]);
  });

  it("each export at least one action", () => {
    const empty = serverFiles.filter((f) => !/export\s+const\s+\w+Action\s*=/.test(read(f))).map(rel);
    expect(empty).toEqual([]);
  });

  it("are the only place under app/ with a 'use server' directive (no inline server actions)", () => {
    const inline = appFiles
      .filter((f) => !startsWithUseServer(read(f)) && /(["'])use server\1/.test(stripComments(read(f))))
      .map(rel);
    expect(inline, `inline "use server" in:\n${inline.join("\n")}`).toEqual([]);
  });
});

describe("layering", () => {
  it("finds the app/ sources", () => {
    expect(appFiles.length).toBeGreaterThan(10);
  });

  it("no file under app/ imports drizzle-orm or the database schema", () => {
    const offending = appFiles.flatMap((f) => layeringProblems(read(f), f).map((p) => `${rel(f)}: ${p}`));
    expect(offending, offending.join("\n")).toEqual([]);
  });

  it("lib/domain is pure: no @/db, next or react imports, no process.env, no reading the clock", () => {
    const domainFiles = sourceFiles(path.join(ROOT, "lib/domain"));
    expect(domainFiles.length).toBeGreaterThanOrEqual(1);
    const offending = domainFiles.flatMap((f) => domainProblems(read(f), f).map((p) => `${rel(f)}: ${p}`));
    expect(offending, offending.join("\n")).toEqual([]);
  });
});
