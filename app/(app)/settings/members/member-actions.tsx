"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { changeMemberRoleAction, removeMemberAction, revokeInvitationAction } from "../actions";

/** Role change and removal; removal asks once before it happens. */
export function MemberActions({ userId, name, role }: { userId: string; name: string; role: "member" | "admin" }) {
  const t = useTranslations("members");
  const [roleState, roleAction] = useActionState(changeMemberRoleAction, initialFormState);
  const [removeState, removeAction] = useActionState(removeMemberAction, initialFormState);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-col gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2">
        <form action={roleAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="role" value={role === "admin" ? "member" : "admin"} />
          <SubmitButton pendingLabel={t("saving")} className="btn-secondary">
            <span aria-hidden="true">{role === "admin" ? t("makeMember") : t("makeAdmin")}</span>
            <span className="sr-only">
              {role === "admin" ? t("makeMemberFor", { name }) : t("makeAdminFor", { name })}
            </span>
          </SubmitButton>
        </form>
        {confirming ? (
          <form action={removeAction} className="flex items-center gap-2">
            <input type="hidden" name="userId" value={userId} />
            <span className="text-sm">{t("confirmRemove", { name })}</span>
            <SubmitButton pendingLabel={t("removing")} className="btn-danger">
              {t("confirmYes")}
            </SubmitButton>
            <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
              {t("confirmNo")}
            </button>
          </form>
        ) : (
          <button type="button" className="btn-danger" onClick={() => setConfirming(true)}>
            <span aria-hidden="true">{t("remove")}</span>
            <span className="sr-only">{t("removeFor", { name })}</span>
          </button>
        )}
      </div>
      <FormMessage state={roleState.status === "error" ? roleState : removeState} />
    </div>
  );
}

export function RevokeInvitation({ invitationId }: { invitationId: string }) {
  const t = useTranslations("members");
  const [state, action] = useActionState(revokeInvitationAction, initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton pendingLabel={t("saving")} className="btn-secondary">
        {t("revoke")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
