import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DemoNotice } from "@/app/_components/demo-notice";
import { getActor } from "@/app/_lib/session";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  if (await getActor()) redirect("/dashboard");
  const t = await getTranslations();
  const { next } = await searchParams;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("login.title")}</h1>
        <p className="mt-1 text-slate-700">{t("app.tagline")}</p>
      </div>
      <div className="card">
        <LoginForm next={typeof next === "string" ? next : undefined} />
        <p className="mt-4 text-center">
          <Link href="/password-reset">{t("passwordReset.forgot")}</Link>
        </p>
      </div>
      <p className="text-center">
        <Link href="/partnerstwo">{t("partnership.applyTitle")}</Link>
      </p>
      <DemoNotice showLogins />
    </div>
  );
}
