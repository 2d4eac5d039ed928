import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { listOutbox } from "@/lib/mail/list-outbox";
import { CoordinatorNav } from "../../coordinator/coordinator-nav";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("coordinator"))("outboxTitle") };
}

/** Where the messages of a trial installation (no SMTP server) can be read, one-time links included. */
export default async function OutboxPage() {
  const actor = await requireActor();
  const t = await getTranslations("coordinator");
  const locale = (await getLocale()) as Locale;
  let messages: Awaited<ReturnType<typeof listOutbox>>;
  try {
    messages = await listOutbox(await getDb(), actor);
  } catch (error) {
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  return (
    <>
      <PageHeader title={t("outboxTitle")} description={t("outboxIntro")} />
      <CoordinatorNav />
      {messages.length === 0 ? (
        <EmptyState title={t("outboxEmpty")} />
      ) : (
        <ul className="space-y-4">
          {messages.map((m) => (
            <li key={m.id} className="card" data-testid="outbox-message">
              <h2 className="text-lg font-semibold">{m.subject}</h2>
              <p className="text-sm text-slate-700">
                {t("outboxTo", { to: m.to })} · {formatDateTime(m.createdAt, locale)} · {t(`outboxStatus.${m.status}`)}
              </p>
              <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-slate-900">
                {m.text.split(/(https?:\/\/\S+)/).map((part, i) =>
                  /^https?:\/\//.test(part) ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text.
                    <a key={i} href={part}>
                      {part}
                    </a>
                  ) : (
                    part
                  ),
                )}
              </pre>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
