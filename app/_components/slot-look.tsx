import type { CSSProperties } from "react";
import { AlertIcon, CheckIcon, ClockIcon, XIcon } from "./icons";
import { LockIcon } from "./resource-icons";

/** The states a stretch of time can be in on a calendar. */
export type SlotState = "closed" | "blackout" | "past" | "free" | "partial" | "busy" | "buffer";

/** Busy and blackout carry a pattern as well as a colour, a word and an icon, so nothing rests on colour alone. */
const stripes = (a: string, b: string): CSSProperties => ({
  backgroundImage: `repeating-linear-gradient(135deg, ${a} 0 6px, ${b} 6px 12px)`,
});

export const slotLook: Record<SlotState, { Icon: typeof CheckIcon; className: string; style?: CSSProperties }> = {
  free: { Icon: CheckIcon, className: "border-green-700 bg-green-50 text-green-950" },
  partial: { Icon: CheckIcon, className: "border-teal-700 bg-teal-50 text-teal-950" },
  busy: { Icon: LockIcon, className: "border-rose-700 text-rose-950", style: stripes("#ffe4e6", "#fff1f2") },
  buffer: { Icon: ClockIcon, className: "border-dashed border-slate-500 bg-white text-slate-800" },
  closed: { Icon: XIcon, className: "border-slate-400 bg-slate-100 text-slate-700" },
  blackout: { Icon: AlertIcon, className: "border-slate-700 text-slate-900", style: stripes("#e2e8f0", "#f1f5f9") },
  past: { Icon: ClockIcon, className: "border-slate-300 bg-white text-slate-700" },
};
