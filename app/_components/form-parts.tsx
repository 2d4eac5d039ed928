"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "@/app/_lib/form-state";
import { AlertIcon, CheckIcon } from "./icons";

/** A submit button that shows that the work is under way. */
export function SubmitButton({
  children,
  pendingLabel,
  className = "btn-primary",
}: {
  children: ReactNode;
  pendingLabel: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}

/** The form's outcome, announced to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite" role="status">
      {state.status !== "idle" && state.message ? (
        <p
          className={`mt-2 flex items-start gap-2 rounded-md border px-3 py-2 ${
            state.status === "error"
              ? "border-red-300 bg-red-50 text-red-900"
              : "border-green-300 bg-green-50 text-green-900"
          }`}
        >
          {state.status === "error" ? (
            <AlertIcon className="mt-0.5 shrink-0" />
          ) : (
            <CheckIcon className="mt-0.5 shrink-0" />
          )}
          <span>{state.message}</span>
        </p>
      ) : null}
    </div>
  );
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
};

/** A labelled input whose error is tied to it with aria-describedby and aria-invalid. */
export function Field({ name, label, state, hint, defaultValue, ...rest }: FieldProps) {
  const error = state.fieldErrors?.[name];
  const id = `field-${name}`;
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
      <input
        id={id}
        name={name}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        defaultValue={state.values?.[name] ?? defaultValue}
        {...rest}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A submit button for one of several actions of a form (`formAction`); every button of the form waits while one works. */
export function ActionButton({
  formAction,
  className,
  pendingLabel,
  onClick,
  children,
}: {
  formAction: (formData: FormData) => void;
  className: string;
  pendingLabel: string;
  onClick?: () => void;
  children: ReactNode;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      formAction={formAction}
      className={className}
      disabled={pending}
      aria-disabled={pending}
      onClick={onClick}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
