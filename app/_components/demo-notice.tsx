import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { DEMO_PASSWORD, demoLogins, isDemoInstance } from "@/db/seed";

/**
 * Whether this database holds the demo data. It changes only when the demo is seeded into an empty database, so each
 * instance asks again at most once a minute instead of on every page (a read-only hint: nothing is decided by it).
 */
let demo: { value: boolean; until: number } | undefined;
async function holdsDemo(): Promise<boolean> {
  const now = Date.now();
  if (!demo || demo.until < now) demo = { value: await isDemoInstance(await getDb()), until: now + 60_000 };
  return demo.value;
}

/** Says, quietly but on every page, that this installation runs on invented demo data. */
export async function DemoNotice({ showLogins = false }: { showLogins?: boolean }) {
  if (!(await holdsDemo())) return null;
  const t = await getTranslations("demo");
  if (!showLogins) {
    return (
      <p className="bg-amber-50 px-4 py-1 text-center text-sm text-amber-950" role="note">
        {t("banner")}
      </p>
    );
  }
  return (
    <section
      aria-labelledby="demo-logins"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="demo-logins" className="font-semibold">
        {t("loginsTitle")}
      </h2>
      <p className="mt-1 text-sm">{t("loginsIntro", { password: DEMO_PASSWORD })}</p>
      <ul className="mt-2 space-y-0.5 text-sm">
        {demoLogins().map((l) => (
          <li key={l.email}>
            <code className="break-all">{l.email}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
