"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { AlertIcon, CheckIcon } from "./icons";

/**
 * The confirmation shown after an action that redirected (`?done=…`). It sits in a live region and takes the focus,
 * because the button that was pressed is gone and a screen reader would otherwise start again at the top.
 */
export function Flash({ tone = "success", children }: { tone?: "success" | "error"; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      data-testid="flash"
      className={`mb-4 flex items-start gap-2 rounded-md border px-3 py-2 ${
        tone === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-green-300 bg-green-50 text-green-900"
      }`}
    >
      {tone === "error" ? <AlertIcon className="mt-0.5 shrink-0" /> : <CheckIcon className="mt-0.5 shrink-0" />}
      <div>{children}</div>
    </div>
  );
}
