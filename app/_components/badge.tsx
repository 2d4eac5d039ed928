import type { ComponentType, ReactNode } from "react";
import type { IconProps } from "./icons";

/** A state or a kind in a word and an icon, never by colour alone: the pill every badge of the app is drawn as. */
export function Badge({
  icon: Icon,
  className,
  children,
}: {
  icon: ComponentType<IconProps>;
  /** Its colours (background, text, border). */
  className: string;
  children: ReactNode;
}) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium ${className}`}>
      <Icon width={16} height={16} />
      {children}
    </span>
  );
}
