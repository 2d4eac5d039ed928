"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { AlertIcon } from "@/app/_components/icons";
import { RevokeOnce } from "@/app/_components/revoke-once";
import { initialFormState } from "@/app/_lib/form-state";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  created: string;
  lastUsed: string | null;
  organisation: string | null;
}

/** Create a token (its secret is shown once), list the active ones, revoke one after asking once. */
export function TokenManager({ tokens }: { tokens: TokenRow[] }) {
  const t = useTranslations("apiTokens");
  const [createState, create] = useActionState(createApiTokenAction, initialFormState);
  const [revokeState, revoke] = useActionState(revokeApiTokenAction, initialFormState);
  const created = createState.status === "success" ? createState.data : undefined;
  const secret =
    created && typeof created.secret === "string" && tokens.some((x) => x.id === created.id) ? created.secret : null;

  return (
    <div className="space-y-6">
      <section aria-labelledby="token-create" className="card space-y-4">
        <h2 id="token-create" className="text-xl font-semibold">
          {t("createTitle")}
        </h2>
        {/* A new form after each success, so the name field starts empty for the next token. */}
        <form
          key={typeof created?.id === "string" ? created.id : "new"}
          action={create}
          className="space-y-4"
          noValidate
        >
          <Field
            name="name"
            label={t("name")}
            hint={t("nameHint")}
            required
            maxLength={100}
            autoComplete="off"
            state={createState.status === "error" ? createState : initialFormState}
          />
          <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
          <FormMessage state={createState} />
        </form>
        {secret ? (
          <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950">
            <p className="flex items-start gap-2 font-medium">
              <AlertIcon className="mt-0.5 shrink-0" />
              {t("onceWarning")}
            </p>
            <CopyField
              label={t("secretLabel")}
              value={secret}
              hint={t("secretHint")}
              copyLabel={t("copy")}
              copiedLabel={t("copied")}
              selectedLabel={t("selected")}
              testId="api-token-secret"
            />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="token-list" className="card">
        <h2 id="token-list" className="text-xl font-semibold">
          {t("listTitle")}
        </h2>
        {tokens.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("empty")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200">
            {tokens.map((token) => (
              <li
                key={token.id}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
                data-testid="token-row"
              >
                <div className="min-w-0">
                  <p className="font-medium">{token.name}</p>
                  <p className="text-sm text-slate-700">
                    <span className="sr-only">{t("prefix")}: </span>
                    <code className="rounded bg-slate-100 px-1 font-mono text-slate-900">{token.prefix}…</code>
                    {token.organisation ? ` · ${token.organisation}` : ""}
                  </p>
                  <p className="text-sm text-slate-700">
                    {t("createdAt", { date: token.created })} ·{" "}
                    {token.lastUsed ? t("lastUsed", { date: token.lastUsed }) : t("neverUsed")}
                  </p>
                </div>
                <RevokeOnce
                  action={revoke}
                  field="tokenId"
                  id={token.id}
                  labels={{
                    trigger: t("revoke"),
                    triggerFor: t("revokeFor", { name: token.name }),
                    question: t("confirmRevoke", { name: token.name }),
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
      </section>
    </div>
  );
}
