"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { inviteMemberAction } from "../actions";

export function InviteForm() {
  const t = useTranslations("members");
  const [state, action] = useActionState(inviteMemberAction, initialFormState);
  const link = state.status === "success" ? state.data?.link : null;
  // Controlled: React resets a form after its action, which would put an uncontrolled select back to "member".
  const [role, setRole] = useState("member");
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field name="email" type="email" label={t("email")} required state={state} autoComplete="off" />
      <div>
        <label htmlFor="field-role" className="label">
          {t("role")}
        </label>
        <select id="field-role" name="role" className="input" value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="member">{t("roleMember")}</option>
          <option value="admin">{t("roleAdmin")}</option>
        </select>
      </div>
      <FormMessage state={state} />
      {typeof link === "string" ? (
        <div className="rounded-md border border-slate-300 bg-slate-50 p-3">
          <label htmlFor="invitation-link" className="label">
            {t("linkLabel")}
          </label>
          <input
            id="invitation-link"
            readOnly
            value={link}
            className="input font-mono text-sm"
            data-testid="invitation-link"
          />
          <p className="mt-1 text-sm text-slate-700">{t("linkHint")}</p>
        </div>
      ) : null}
      <SubmitButton pendingLabel={t("inviting")}>{t("invite")}</SubmitButton>
    </form>
  );
}
