import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RequestResetForm } from "./request-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordReset"))("title") };
}

export default async function PasswordResetPage() {
  const t = await getTranslations("passwordReset");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("intro")}</p>
      </div>
      <div className="card">
        <RequestResetForm />
      </div>
      <p>
        <Link href="/login">{t("backToLogin")}</Link>
      </p>
    </div>
  );
}
