"use client";

import { useId, useRef, useState } from "react";

/**
 * A secret shown once: a read-only field that selects itself on focus, with a copy button. Where the clipboard is
 * not available (plain http on a network address), the text is selected so that Ctrl+C copies it.
 */
export function CopyField({
  label,
  value,
  hint,
  copyLabel,
  copiedLabel,
  selectedLabel,
  testId,
}: {
  label: string;
  value: string;
  hint: string;
  copyLabel: string;
  copiedLabel: string;
  selectedLabel: string;
  testId?: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<"idle" | "copied" | "selected">("idle");

  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      setOutcome("copied");
    } catch {
      setOutcome("selected");
    }
  }

  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <div className="flex flex-wrap gap-2 sm:flex-nowrap">
        <input
          id={id}
          ref={input}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={`${id}-hint`}
          className="input font-mono text-sm"
          data-testid={testId}
        />
        <button type="button" className="btn-secondary shrink-0" onClick={copy}>
          {copyLabel}
        </button>
      </div>
      <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
        {hint}
      </p>
      <p aria-live="polite" className="text-sm font-medium text-green-900">
        {outcome === "copied" ? copiedLabel : outcome === "selected" ? selectedLabel : ""}
      </p>
    </div>
  );
}
