import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      <p className="mt-6">
        <Link href="/" className="btn-primary text-white hover:text-white">
          {t("home")}
        </Link>
      </p>
    </main>
  );
}
