import { type IconProps, iconBase } from "./icons";

/** More line icons in the style of ./icons.tsx (decorative: the text next to them carries the meaning). */

/** Instant booking: confirmed at once. */
export const BoltIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="M13 2 4 14h7l-1 8 9-12h-7l1-8z" />
  </svg>
);
/** Waiting for the owner's decision. */
export const HourglassIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="M6 2h12M6 22h12M7 2c0 5 10 6 10 10S7 17 7 22M17 2c0 5-10 6-10 10s10 5 10 10" />
  </svg>
);
export const CalendarIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <rect x="3" y="5" width="18" height="16" rx="2" />
    <path d="M3 10h18M8 3v4M16 3v4" />
  </svg>
);
export const PeopleIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <circle cx="9" cy="8" r="3" />
    <path d="M3 20v-1a5 5 0 0 1 5-5h2a5 5 0 0 1 5 5v1M16 5a3 3 0 0 1 0 6M18 14a4 4 0 0 1 3 4v2" />
  </svg>
);
export const MapPinIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11z" />
    <circle cx="12" cy="10" r="2.5" />
  </svg>
);
/** Step-free access (wheelchair). */
export const WheelchairIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <circle cx="11" cy="4" r="1.5" />
    <path d="M11 7v6h5l2 5M11 10h4M8 11a5 5 0 1 0 7 6.5" />
  </svg>
);
/** Accessible toilet. */
export const ToiletIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="M5 4h4v6H5zM5 10h12a4 4 0 0 1-4 4H9l-1 6h6" />
  </svg>
);
/** Induction loop (hearing). */
export const EarIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="M6 9a6 6 0 1 1 12 0c0 3-2 4-3 5.5S14 18 12 20a3 3 0 0 1-4-1M9 9a3 3 0 0 1 6 0" />
  </svg>
);
export const PlusIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="M12 5v14M5 12h14" />
  </svg>
);
export const TrashIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />
  </svg>
);
export const ChevronLeftIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="m15 6-6 6 6 6" />
  </svg>
);
export const ChevronRightIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="m9 6 6 6-6 6" />
  </svg>
);
export const PencilIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <path d="M4 20h4L19 9l-4-4L4 16v4zM13 7l4 4" />
  </svg>
);
export const SearchIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-4-4" />
  </svg>
);
export const LockIcon = (p: IconProps) => (
  <svg {...iconBase(p)}>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </svg>
);
