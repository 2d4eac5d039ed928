import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { getInvitation } from "@/lib/members/accept-invitation";
import { AcceptForm } from "./accept-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitation"))("title") };
}

export default async function InvitationPage({ params }: PageProps<"/invitation/[token]">) {
  const { token } = await params;
  const t = await getTranslations("invitation");
  let invitation: Awaited<ReturnType<typeof getInvitation>>;
  try {
    invitation = await getInvitation(await getDb(), token);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <EmptyState title={t("invalid")}>{t("invalidHint")}</EmptyState>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-slate-700">
          {t("intro", { organisation: invitation.organisationName, email: invitation.email })}
        </p>
      </div>
      <div className="card">
        <AcceptForm token={token} accountExists={invitation.accountExists} />
      </div>
    </div>
  );
}
