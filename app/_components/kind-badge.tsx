import { useTranslations } from "next-intl";
import { Badge } from "./badge";
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
    <Badge icon={Icon} className={className}>
      {t(kind)}
    </Badge>
  );
}
