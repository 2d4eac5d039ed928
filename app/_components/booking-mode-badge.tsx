import { useTranslations } from "next-intl";
import { Badge } from "./badge";
import { BoltIcon, HourglassIcon } from "./resource-icons";

/** Instant or approval booking: a word and an icon, never colour alone. */
export function BookingModeBadge({ mode }: { mode: "instant" | "approval" }) {
  const t = useTranslations("bookingModes");
  const Icon = mode === "instant" ? BoltIcon : HourglassIcon;
  const className =
    mode === "instant" ? "border-green-300 bg-green-50 text-green-900" : "border-amber-300 bg-amber-50 text-amber-950";
  return (
    <Badge icon={Icon} className={className}>
      {t(mode)}
    </Badge>
  );
}
