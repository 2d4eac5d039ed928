import type { SVGProps } from "react";

export type IconProps = SVGProps<SVGSVGElement>;
/** The common look of our line icons: decorative, the text next to them carries the meaning. */
export const iconBase = (props: IconProps) => ({
  width: 20,
  height: 20,
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round" as const,
  strokeLinejoin: "round" as const,
  "aria-hidden": true,
  focusable: false,
  ...props,
});

export const BuildingIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="M3 21h18M5 21V7l7-4 7 4v14M9 21v-6h6v6" />
  </svg>
);
export const BoxIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="M21 8 12 3 3 8v8l9 5 9-5V8zM3 8l9 5 9-5M12 13v8" />
  </svg>
);
export const HandsIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <circle cx="9" cy="7" r="3" />
    <path d="M3 21v-2a5 5 0 0 1 5-5h2M16 11l2 2 4-4M14 21v-2a4 4 0 0 1 1-2.6" />
  </svg>
);
export const ClockIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </svg>
);
export const CheckIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="m5 12 5 5L20 7" />
  </svg>
);
export const XIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="M6 6l12 12M18 6 6 18" />
  </svg>
);
export const InfoIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5M12 8h.01" />
  </svg>
);
export const AlertIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="M12 3 2 21h20L12 3zM12 10v4M12 17h.01" />
  </svg>
);
