"use client";

import { useId } from "react";
import type { FormState } from "@/app/_lib/form-state";

/** A labelled textarea whose error is tied to it; ids are unique, so several forms on a page may each have one. */
export function TextAreaField({
  name,
  label,
  state,
  hint,
  required = false,
  rows = 3,
  maxLength = 1000,
}: {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  required?: boolean;
  rows?: number;
  maxLength?: number;
}) {
  const id = useId();
  const error = state.fieldErrors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        className="input"
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        defaultValue={state.values?.[name] ?? ""}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
