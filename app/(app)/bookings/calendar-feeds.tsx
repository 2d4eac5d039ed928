"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { RevokeOnce } from "@/app/_components/revoke-once";
import { initialFormState } from "@/app/_lib/form-state";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "./actions";

export interface FeedRow {
  id: string;
  /** "Cała organizacja" or "Zasób: Sala …", already translated. */
  label: string;
  created: string;
}

/**
 * The organisation's secret iCal link: made here and shown once, with how to subscribe; the active links can be
 * revoked (asking once). One action state for all revocations, so that the confirmation outlives the removed row.
 */
export function CalendarFeeds({ feeds, hasOrganisationFeed }: { feeds: FeedRow[]; hasOrganisationFeed: boolean }) {
  const t = useTranslations("feeds");
  const [createState, create] = useActionState(createCalendarFeedAction, initialFormState);
  const [revokeState, revoke] = useActionState(revokeCalendarFeedAction, initialFormState);
  const created = createState.status === "success" ? createState.data : undefined;
  // The link stays on screen only while its feed is active.
  const link =
    created && typeof created.link === "string" && feeds.some((f) => f.id === created.id) ? created.link : null;

  return (
    <div className="space-y-6">
      <form action={create} className="space-y-3">
        <p className="text-slate-700">{hasOrganisationFeed ? t("replaceHint") : t("createHint")}</p>
        <SubmitButton pendingLabel={t("creating")}>{hasOrganisationFeed ? t("replace") : t("create")}</SubmitButton>
        <FormMessage state={createState} />
      </form>

      {link ? (
        <div className="space-y-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <CopyField
            label={t("linkLabel")}
            value={link}
            hint={t("linkHint")}
            copyLabel={t("copy")}
            copiedLabel={t("copied")}
            selectedLabel={t("selected")}
            testId="feed-link"
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <h3 className="font-semibold">{t("googleTitle")}</h3>
              <ol className="mt-1 list-decimal space-y-1 pl-5">
                <li>{t("google1")}</li>
                <li>{t("google2")}</li>
                <li>{t("google3")}</li>
              </ol>
            </div>
            <div>
              <h3 className="font-semibold">{t("outlookTitle")}</h3>
              <ol className="mt-1 list-decimal space-y-1 pl-5">
                <li>{t("outlook1")}</li>
                <li>{t("outlook2")}</li>
                <li>{t("outlook3")}</li>
              </ol>
            </div>
          </div>
          <p className="text-sm">{t("refreshNote")}</p>
        </div>
      ) : null}

      <div>
        <h3 className="text-lg font-semibold">{t("activeTitle")}</h3>
        {feeds.length === 0 ? (
          <p className="mt-1 text-slate-700">{t("activeEmpty")}</p>
        ) : (
          <ul className="mt-1 divide-y divide-slate-200">
            {feeds.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-3" data-testid="feed-row">
                <div>
                  <p className="font-medium">{f.label}</p>
                  <p className="text-sm text-slate-700">{t("createdAt", { date: f.created })}</p>
                </div>
                <RevokeOnce
                  action={revoke}
                  field="feedId"
                  id={f.id}
                  labels={{
                    trigger: t("revoke"),
                    triggerFor: t("revokeFor", { feed: f.label }),
                    question: t("confirmRevoke", { feed: f.label }),
                    yes: t("confirmRevokeYes"),
                    no: t("confirmNo"),
                    pending: t("revoking"),
                  }}
                />
              </li>
            ))}
          </ul>
        )}
        <FormMessage state={revokeState} />
      </div>
    </div>
  );
}
