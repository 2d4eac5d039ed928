"use client";

import { AskOnce } from "./ask-once";
import { SubmitButton } from "./form-parts";

/**
 * "Revoke" for one row of a list (a token, a feed link): asks once, then posts the row's id in a hidden field to
 * `action`. The labels come translated from the caller.
 */
export function RevokeOnce({
  action,
  field,
  id,
  labels,
}: {
  action: (formData: FormData) => void;
  field: string;
  id: string;
  labels: { trigger: string; triggerFor: string; question: string; yes: string; no: string; pending: string };
}) {
  return (
    <AskOnce
      trigger={
        <>
          <span aria-hidden="true">{labels.trigger}</span>
          <span className="sr-only">{labels.triggerFor}</span>
        </>
      }
      question={labels.question}
    >
      {(close) => (
        <form action={action} className="flex flex-wrap gap-2">
          <input type="hidden" name={field} value={id} />
          <SubmitButton pendingLabel={labels.pending} className="btn-danger">
            {labels.yes}
          </SubmitButton>
          <button type="button" className="btn-secondary" onClick={close}>
            {labels.no}
          </button>
        </form>
      )}
    </AskOnce>
  );
}
