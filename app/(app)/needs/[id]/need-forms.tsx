"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { AskOnce } from "@/app/_components/ask-once";
import { ActionButton, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { CheckIcon, XIcon } from "@/app/_components/icons";
import { TextAreaField } from "@/app/_components/text-area-field";
import { type CandidateView, VolunteerChecklist } from "@/app/_components/volunteer-checklist";
import { initialFormState } from "@/app/_lib/form-state";
import {
  acceptAnswerAction,
  answerNeedAction,
  cancelNeedAction,
  declineAnswerAction,
  withdrawAnswerAction,
} from "../actions";

/** Answering a need with named volunteers of our own: the ones who cannot go are shown with the reason, not ticked. */
export function AnswerForm({ needId, candidates }: { needId: string; candidates: CandidateView[] }) {
  const t = useTranslations("needs.answerForm");
  const [state, action] = useActionState(answerNeedAction, initialFormState);
  return (
    <form action={action} className="space-y-3" noValidate data-testid="answer-form">
      <input type="hidden" name="needId" value={needId} />
      <VolunteerChecklist
        legend={t("legend")}
        candidates={candidates}
        error={state.fieldErrors?.volunteerIds}
        values={state.values}
      />
      <TextAreaField name="note" label={t("note")} hint={t("noteHint")} state={state} />
      <SubmitButton pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** The poster accepts an answer at once, or declines it after asking once, with an optional message. */
export function DecideAnswerForm({
  needId,
  answerId,
  organisation,
}: {
  needId: string;
  answerId: string;
  organisation: string;
}) {
  const t = useTranslations("needs.decideForm");
  const [acceptState, accept] = useActionState(acceptAnswerAction, initialFormState);
  const [declineState, decline] = useActionState(declineAnswerAction, initialFormState);
  const state = declineState.status !== "idle" ? declineState : acceptState;
  return (
    <form className="space-y-2" noValidate data-testid={`decide-answer-${answerId}`}>
      <input type="hidden" name="needId" value={needId} />
      <input type="hidden" name="answerId" value={answerId} />
      <TextAreaField name="note" label={t("note", { organisation })} state={state} rows={2} />
      <div className="flex flex-wrap gap-2">
        <ActionButton formAction={accept} className="btn-primary" pendingLabel={t("saving")}>
          <CheckIcon />
          {t("accept")}
          <span className="sr-only">: {organisation}</span>
        </ActionButton>
        <ActionButton formAction={decline} className="btn-secondary" pendingLabel={t("saving")}>
          <XIcon />
          {t("decline")}
          <span className="sr-only">: {organisation}</span>
        </ActionButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export function WithdrawAnswerForm({ needId, answerId }: { needId: string; answerId: string }) {
  const t = useTranslations("needs.answerForm");
  const [state, action] = useActionState(withdrawAnswerAction, initialFormState);
  return (
    <AskOnce triggerClassName="btn-secondary" trigger={t("withdraw")} question={t("withdrawQuestion")}>
      {(close) => (
        <form action={action} className="flex flex-wrap gap-2">
          <input type="hidden" name="needId" value={needId} />
          <input type="hidden" name="answerId" value={answerId} />
          <SubmitButton pendingLabel={t("sending")} className="btn-danger">
            {t("withdrawYes")}
          </SubmitButton>
          <button type="button" className="btn-secondary" onClick={close}>
            {t("no")}
          </button>
          <FormMessage state={state} />
        </form>
      )}
    </AskOnce>
  );
}

export function CancelNeedForm({ needId }: { needId: string }) {
  const t = useTranslations("needs.cancelForm");
  const [state, action] = useActionState(cancelNeedAction, initialFormState);
  return (
    <AskOnce
      trigger={
        <>
          <XIcon />
          {t("trigger")}
        </>
      }
      question={t("question")}
    >
      {(close) => (
        <form action={action} className="space-y-2" noValidate>
          <input type="hidden" name="needId" value={needId} />
          <TextAreaField name="note" label={t("reason")} state={state} />
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel={t("cancelling")} className="btn-danger">
              {t("yes")}
            </SubmitButton>
            <button type="button" className="btn-secondary" onClick={close}>
              {t("no")}
            </button>
          </div>
          <FormMessage state={state} />
        </form>
      )}
    </AskOnce>
  );
}
