"use client";

import { FieldError } from "@/app/_components/form-fields";

export interface CandidateView {
  id: string;
  label: string;
  skills: string;
  /** Why the person cannot go (translated); empty when they can. */
  reasons: string[];
}

/**
 * Volunteers to tick (`volunteer-<id>` checkboxes): the ones who cannot go are shown greyed out with the reasons,
 * which their checkbox names as its description. Shared by the owner's assignment and the answer to a need.
 */
export function VolunteerChecklist({
  legend,
  candidates,
  error,
  values,
}: {
  legend: string;
  candidates: CandidateView[];
  error?: string;
  /** The form's last values, to keep the ticks after a refused submission. */
  values?: Record<string, string>;
}) {
  return (
    <fieldset aria-describedby={error ? "field-volunteerIds-error" : undefined}>
      <legend className="label">{legend}</legend>
      <ul className="space-y-2">
        {candidates.map((c) => {
          const id = `volunteer-${c.id}`;
          const blocked = c.reasons.length > 0;
          return (
            <li key={c.id} className="rounded-md border border-slate-200 p-2">
              <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-3">
                <input
                  id={id}
                  name={id}
                  type="checkbox"
                  disabled={blocked}
                  defaultChecked={values?.[id] === "on"}
                  aria-describedby={blocked ? `${id}-why` : undefined}
                  className="h-5 w-5 shrink-0 accent-brand-700"
                />
                <span>
                  <span className="font-medium">{c.label}</span>
                  {c.skills ? <span className="block text-sm text-slate-700">{c.skills}</span> : null}
                </span>
              </label>
              {blocked ? (
                <ul id={`${id}-why`} className="ml-8 list-disc pl-4 text-sm text-red-900">
                  {c.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
      <FieldError name="volunteerIds" error={error} />
    </fieldset>
  );
}
