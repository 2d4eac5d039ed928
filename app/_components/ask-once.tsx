"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";

/**
 * A destructive action that asks once: the trigger button opens an inline confirmation (which gets the focus), and
 * "no" closes it and gives the focus back to the trigger.
 */
export function AskOnce({
  trigger,
  triggerClassName = "btn-danger",
  question,
  children,
}: {
  /** The trigger's content; give it an sr-only part when the visible word alone is ambiguous in a list. */
  trigger: ReactNode;
  triggerClassName?: string;
  question: ReactNode;
  /** The confirmation form; `close` is for its "no" button. */
  children: (close: () => void) => ReactNode;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const opened = useRef(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const groupRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) groupRef.current?.focus();
    else if (opened.current) triggerRef.current?.focus();
    opened.current = open;
  }, [open]);

  if (!open) {
    return (
      <button ref={triggerRef} type="button" className={triggerClassName} onClick={() => setOpen(true)}>
        {trigger}
      </button>
    );
  }
  return (
    <div
      ref={groupRef}
      tabIndex={-1}
      role="group"
      aria-labelledby={`${id}-question`}
      className="w-full rounded-md border border-red-300 bg-red-50 p-3 text-red-950"
    >
      <p id={`${id}-question`} className="mb-2 font-medium">
        {question}
      </p>
      {children(() => setOpen(false))}
    </div>
  );
}
