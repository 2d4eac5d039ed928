import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { PasswordProblem } from "@/lib/auth/password";
import { errorStatus } from "@/lib/errors";
import { allMessages } from "@/lib/i18n/messages";

// The merged messages: the core file and one file per area.
const { pl, en } = allMessages;

type Tree = { [key: string]: string | Tree };
const ROOT = path.resolve(import.meta.dirname, "../..");
const catalogues = { pl: pl as Tree, en: en as Tree } as const;
type Locale = keyof typeof catalogues;

function flatten(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object") for (const [k, v] of flatten(value, full)) out.set(k, v);
    else out.set(full, value);
  }
  return out;
}

const flat = { pl: flatten(catalogues.pl), en: flatten(catalogues.en) };

/** Argument names and types of an ICU message, roughly: `{name}`, `{name, plural, …}`, `{name, date}`. */
function argumentsOf(message: string): Map<string, string> {
  const args = new Map<string, string>();
  for (const [, name, type = "string"] of message.matchAll(/\{\s*([A-Za-z_]\w*)\s*(?:,\s*(\w+))?/g)) {
    if (!args.has(name) || args.get(name) === "string") args.set(name, type);
  }
  return args;
}

function valuesFor(message: string, count: number): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  for (const [name, type] of argumentsOf(message)) {
    if (type === "plural" || type === "selectordinal" || type === "number") values[name] = count;
    else if (type === "date" || type === "time") values[name] = new Date("2027-03-28T06:00:00Z");
    else if (type === "select") values[name] = "other";
    else values[name] = name === "count" ? count : `‹${name}›`;
  }
  return values;
}

/** Keys here are computed at run time, so the translator is used untyped. */
type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

function translator(locale: Locale, errors: string[]): Translate {
  const t = createTranslator({
    locale,
    messages: catalogues[locale],
    timeZone: "Europe/Warsaw",
    onError: (error) => errors.push(`${locale}: ${error.message}`),
    getMessageFallback: ({ key, namespace }) => `<<missing ${namespace ? `${namespace}.` : ""}${key}>>`,
  });
  return t as unknown as Translate;
}

describe("message catalogues", () => {
  it("have the same keys in Polish and English", () => {
    const plKeys = [...flat.pl.keys()].sort();
    const enKeys = [...flat.en.keys()].sort();
    expect({
      onlyInPl: plKeys.filter((k) => !flat.en.has(k)),
      onlyInEn: enKeys.filter((k) => !flat.pl.has(k)),
    }).toEqual({ onlyInPl: [], onlyInEn: [] });
    expect(plKeys.length).toBeGreaterThan(50);
  });

  it.each(["pl", "en"] as const)("%s: every leaf is a non-empty string and no key contains a dot", (locale) => {
    const bad = [...flat[locale]].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
    expect(bad).toEqual([]);
    const dotted = [...flat[locale].keys()].filter((k) => k.split(".").some((part) => part === ""));
    expect(dotted).toEqual([]);
  });

  it.each(["pl", "en"] as const)("%s: every message parses and formats with its arguments", (locale) => {
    const errors: string[] = [];
    const t = translator(locale, errors);
    const leftovers: string[] = [];
    for (const [key, message] of flat[locale]) {
      for (const count of [0, 1, 2, 5, 22]) {
        const text = t(key, valuesFor(String(message), count));
        if (typeof text !== "string" || /[{}]|<<missing/.test(text)) leftovers.push(`${key} (${count}): ${text}`);
      }
    }
    expect(errors).toEqual([]);
    expect(leftovers).toEqual([]);
  });

  it("reports a broken message through onError (the check above can fail)", () => {
    const errors: string[] = [];
    const t = createTranslator({
      locale: "pl",
      messages: { broken: "{count, plural, one {# sztuka}" } as Record<string, string>,
      onError: (error) => errors.push(error.message),
      getMessageFallback: () => "fallback",
    }) as unknown as Translate;
    expect(t("broken", { count: 1 })).toBe("fallback");
    expect(errors).toHaveLength(1);
  });
});

describe("Polish plurals", () => {
  const t = translator("pl", []);

  it.each([
    [1, "1 sztuka"],
    [2, "2 sztuki"],
    [5, "5 sztuk"],
    [12, "12 sztuk"],
    [22, "22 sztuki"],
    [25, "25 sztuk"],
    [101, "101 sztuk"],
  ])("bookings.units %i → %s", (count, expected) => {
    expect(t("bookings.units", { count })).toBe(expected);
  });

  it.each([
    [0, "brak"],
    [1, "1 prośba"],
    [3, "3 prośby"],
    [5, "5 próśb"],
    [12, "12 próśb"],
    [22, "22 prośby"],
    [25, "25 próśb"],
    [101, "101 próśb"],
  ])("dashboard.waitingCount %i → %s", (count, expected) => {
    expect(t("dashboard.waitingCount", { count })).toBe(expected);
  });

  it.each([
    [1, "1 osoba"],
    [2, "2 osoby"],
    [5, "5 osób"],
    [12, "12 osób"],
    [22, "22 osoby"],
    [25, "25 osób"],
    [101, "101 osób"],
  ])("partners.memberCount %i → %s", (count, expected) => {
    expect(t("partners.memberCount", { count })).toBe(expected);
  });
});

describe("photo messages", () => {
  const pl = translator("pl", []);
  const en = translator("en", []);

  it.each([
    [1, "To już 1 zdjęcie,"],
    [3, "To już 3 zdjęcia,"],
    [8, "To już 8 zdjęć,"],
    [22, "To już 22 zdjęcia,"],
  ])("photos.manage.full %i → %s…", (max, start) => {
    expect(pl("photos.manage.full", { max })).toMatch(new RegExp(`^${start}`));
  });

  it("counts photos in words that read right for none, one and many", () => {
    expect([0, 1, 5].map((count) => pl("photos.manage.count", { count, max: 8 }))).toEqual([
      "Zdjęcia: 0 z 8",
      "Zdjęcia: 1 z 8",
      "Zdjęcia: 5 z 8",
    ]);
    expect(en("photos.manage.count", { count: 0, max: 8 })).toBe("Photos: 0 of 8");
    expect(pl("photos.intro", { max: 8, maxMb: 5 })).toContain("Najwyżej 8 zdjęć, każde do 5 MB");
  });
});

describe("English plurals", () => {
  const t = translator("en", []);

  it("uses one/other", () => {
    expect(t("bookings.units", { count: 1 })).toBe("1 unit");
    expect(t("bookings.units", { count: 2 })).toBe("2 units");
    expect(t("dashboard.waitingCount", { count: 0 })).toBe("none");
    expect(t("dashboard.waitingCount", { count: 1 })).toBe("1 request");
    expect(t("dashboard.waitingCount", { count: 5 })).toBe("5 requests");
    expect(t("partners.memberCount", { count: 1 })).toBe("1 person");
    expect(t("partners.memberCount", { count: 22 })).toBe("22 people");
  });
});

describe("error messages", () => {
  const codes = [...Object.keys(errorStatus), "unexpected"];

  it.each(codes)("errors.%s exists in both catalogues", (code) => {
    expect(flat.pl.get(`errors.${code}`)).toEqual(expect.any(String));
    expect(flat.en.get(`errors.${code}`)).toEqual(expect.any(String));
  });
});

// --- validation reasons used in the code ----------------------------------------------------------------

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => path.join(e.parentPath, e.name));
}

const passwordProblems: Record<PasswordProblem, true> = { too_short: true, too_long: true, too_common: true };

/** Reasons given as string literals to zod (last argument, `z.email("email")`, `{ message: "…" }`) or as AppError `reason`s. */
function reasonsInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (reason: string, file: string) => found.set(reason, [...(found.get(reason) ?? []), file]);
  for (const file of [...sourceFiles(path.join(ROOT, "lib")), ...sourceFiles(path.join(ROOT, "app"))]) {
    const source = readFileSync(file, "utf8");
    const rel = path.relative(ROOT, file);
    if (/from\s+["']zod["']/.test(source)) {
      // A method call's last string argument (`.max(200, "too_long")`), not a plain function's (`eq(x, "active")`).
      for (const [, r] of source.matchAll(/\.\w+\([^()]*,\s*"([a-z][a-z_]*)"\s*\)/g)) add(r, rel);
      for (const [, r] of source.matchAll(/\.refine\(\s*\([^)]*\)\s*=>[^\n]*,\s*"([a-z][a-z_]*)"\s*\)/g)) add(r, rel);
      for (const [, r] of source.matchAll(/\bz\.\w+\(\s*"([a-z][a-z_]*)"\s*\)/g)) add(r, rel);
      for (const [, r] of source.matchAll(/\b(?:message|error):\s*"([a-z][a-z_]*)"/g)) add(r, rel);
    }
    for (const [, r] of source.matchAll(
      /AppError\(\s*"(?:validation|weak_password)",\s*\{[^}]*\breason:\s*"([a-z][a-z_]*)"/g,
    )) {
      add(r, rel);
    }
    if (/\breason:\s*`password_\$\{problem\}`/.test(source)) {
      for (const problem of Object.keys(passwordProblems)) add(`password_${problem}`, rel);
    }
  }
  return found;
}

describe("validation reasons", () => {
  const required = [
    "required",
    "invalid",
    "too_long",
    "too_short",
    "email",
    "url",
    "password_too_short",
    "password_too_long",
    "password_too_common",
  ];

  it.each(required)("validation.%s exists in both catalogues", (reason) => {
    expect(flat.pl.get(`validation.${reason}`)).toEqual(expect.any(String));
    expect(flat.en.get(`validation.${reason}`)).toEqual(expect.any(String));
  });

  it("has a message for every reason the code uses", () => {
    const found = reasonsInSource();
    // The scan must actually find the reasons in the schemas, or it checks nothing.
    for (const reason of ["required", "invalid", "too_long", "too_short", "email", "url", "password_too_common"]) {
      expect(found.has(reason), `scan did not find "${reason}"`).toBe(true);
    }
    const missing = [...found]
      .filter(([reason]) => !flat.pl.has(`validation.${reason}`) || !flat.en.has(`validation.${reason}`))
      .map(([reason, files]) => `${reason} (${[...new Set(files)].join(", ")})`);
    expect(missing).toEqual([]);
  });
});
