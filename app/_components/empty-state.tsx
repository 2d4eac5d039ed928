import type { ReactNode } from "react";
import { InfoIcon } from "./icons";

/** Every list says, when empty, what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex gap-3 rounded-lg border border-dashed border-slate-400 bg-white p-4 text-slate-800">
      <InfoIcon className="mt-0.5 shrink-0 text-slate-600" />
      <div>
        <p className="font-medium">{title}</p>
        {children ? <div className="mt-1 text-slate-700">{children}</div> : null}
      </div>
    </div>
  );
}
