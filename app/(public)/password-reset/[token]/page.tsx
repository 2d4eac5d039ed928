import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { getDb } from "@/db/client";
import { checkPasswordResetToken } from "@/lib/auth/password-reset";
import { NewPasswordForm } from "./new-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordReset"))("newTitle") };
}

export default async function NewPasswordPage({ params }: PageProps<"/password-reset/[token]">) {
  const { token } = await params;
  const t = await getTranslations("passwordReset");
  const usable = await checkPasswordResetToken(await getDb(), token);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      {usable ? (
        <div className="card">
          <NewPasswordForm token={token} />
        </div>
      ) : (
        <EmptyState title={t("invalid")}>
          <Link href="/password-reset">{t("requestAgain")}</Link>
        </EmptyState>
      )}
    </div>
  );
}
