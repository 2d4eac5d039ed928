"use client";

import { type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useRef } from "react";
import type { FormState } from "@/app/_lib/form-state";
import { AlertIcon } from "./icons";

/**
 * More labelled controls in the manner of `Field` (form-parts.tsx): the id is `field-<name>`, an error is tied to
 * its control with aria-describedby and aria-invalid, and a failed form shows what was typed.
 */
export function describedBy(name: string, state: FormState, hint?: ReactNode) {
  const id = `field-${name}`;
  const error = state.fieldErrors?.[name];
  return {
    id,
    error,
    "aria-invalid": error ? true : undefined,
    "aria-describedby":
      [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined,
  } as const;
}

export function FieldError({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`field-${name}-error`} className="mt-1 text-sm font-medium text-red-800">
      {error}
    </p>
  );
}

export function FieldHint({ name, children }: { name: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`field-${name}-hint`} className="mb-1 text-sm text-slate-700">
      {children}
    </p>
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  name: string;
  label: string;
  state: FormState;
  hint?: ReactNode;
};

export function TextAreaField({ name, label, state, hint, defaultValue, rows = 3, ...rest }: TextAreaProps) {
  const { id, error, ...aria } = describedBy(name, state, hint);
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <FieldHint name={name}>{hint}</FieldHint>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className="input"
        defaultValue={state.values?.[name] ?? defaultValue}
        {...aria}
        {...rest}
      />
      <FieldError name={name} error={error} />
    </div>
  );
}

/**
 * A number that changes with every new form state. React resets a form after its action, and a reset returns a
 * <select> to the option it was mounted with; keying the select by this remounts it with the sent value instead.
 */
export function useStateVersion(state: FormState): number {
  const ref = useRef({ state, version: 0 });
  if (ref.current.state !== state) ref.current = { state, version: ref.current.version + 1 };
  return ref.current.version;
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  state: FormState;
  hint?: ReactNode;
  options: { value: string; label: string }[];
};

export function SelectField({ name, label, state, hint, options, defaultValue, ...rest }: SelectProps) {
  const { id, error, ...aria } = describedBy(name, state, hint);
  const version = useStateVersion(state);
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <FieldHint name={name}>{hint}</FieldHint>
      <select
        key={version}
        id={id}
        name={name}
        className="input"
        defaultValue={state.values?.[name] ?? defaultValue}
        {...aria}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError name={name} error={error} />
    </div>
  );
}

/** A checkbox with its label as a 44 px target; a failed form keeps the tick as it was sent. */
export function CheckboxField({
  name,
  label,
  state,
  defaultChecked,
  icon,
  hint,
}: {
  name: string;
  label: ReactNode;
  state: FormState;
  defaultChecked?: boolean;
  icon?: ReactNode;
  hint?: ReactNode;
}) {
  const { id, error, ...aria } = describedBy(name, state, hint);
  const checked = state.values ? state.values[name] === "on" : defaultChecked;
  return (
    <div>
      <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md py-1">
        <input
          id={id}
          name={name}
          type="checkbox"
          defaultChecked={checked}
          className="h-5 w-5 shrink-0 accent-brand-700"
          {...aria}
        />
        {icon}
        <span>{label}</span>
      </label>
      <FieldHint name={name}>{hint}</FieldHint>
      <FieldError name={name} error={error} />
    </div>
  );
}

/**
 * The outcome of a form in one aria-live region: the message and, on failure, every wrong field as a link to it.
 * `labels` names the fields for the list (a field it does not name is listed by its message alone).
 */
export function ErrorSummary({
  state,
  labels,
  title,
  children,
}: {
  state: FormState;
  labels: Record<string, string | undefined>;
  title?: string;
  /** More about the failure (rules broken, other dates to choose), inside the same announced box. */
  children?: ReactNode;
}) {
  const errors = Object.entries(state.fieldErrors ?? {});
  return (
    <div aria-live="polite" role="status">
      {state.status === "error" && state.message ? (
        <div className="mt-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          <p className="flex items-start gap-2 font-medium">
            <AlertIcon className="mt-0.5 shrink-0" />
            <span>{title ?? state.message}</span>
          </p>
          {errors.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-8">
              {errors.map(([field, message]) => {
                const label = labels[field];
                return (
                  <li key={field}>
                    <a href={`#field-${field}`} className="text-red-900 hover:text-red-950">
                      {label ? `${label}: ${message}` : message}
                    </a>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {children}
        </div>
      ) : null}
    </div>
  );
}
