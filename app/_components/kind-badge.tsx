import { useTranslations } from "next-intl";
import { BoxIcon, BuildingIcon, HandsIcon } from "./icons";

export type ResourceKind = "premises" | "equipment" | "expertise";

const look = {
  premises: { Icon: BuildingIcon, className: "bg-blue-50 text-premises border-blue-200" },
  equipment: { Icon: BoxIcon, className: "bg-amber-50 text-equipment border-amber-200" },
  expertise: { Icon: HandsIcon, className: "bg-purple-50 text-expertise border-purple-200" },
} as const;

/** Each kind has one icon, one colour and its word, so colour never carries the meaning alone. */
export function KindBadge({ kind }: { kind: ResourceKind }) {
  const t = useTranslations("kinds");
  const { Icon, className } = look[kind];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium ${className}`}>
      <Icon width={16} height={16} />
      {t(kind)}
    </span>
  );
}
