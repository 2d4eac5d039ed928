import { useTranslations } from "next-intl";
import { Badge } from "./badge";
import { CheckIcon, ClockIcon, InfoIcon, XIcon } from "./icons";

export type BookingStatus = "pending" | "approved" | "declined" | "cancelled" | "expired" | "completed";

const look: Record<BookingStatus, { Icon: typeof CheckIcon; className: string }> = {
  pending: { Icon: ClockIcon, className: "bg-amber-50 text-amber-900 border-amber-300" },
  approved: { Icon: CheckIcon, className: "bg-green-50 text-green-900 border-green-300" },
  completed: { Icon: CheckIcon, className: "bg-slate-100 text-slate-800 border-slate-300" },
  declined: { Icon: XIcon, className: "bg-red-50 text-red-900 border-red-300" },
  cancelled: { Icon: XIcon, className: "bg-slate-100 text-slate-800 border-slate-300" },
  expired: { Icon: InfoIcon, className: "bg-slate-100 text-slate-800 border-slate-300" },
};

export function StatusBadge({ status }: { status: BookingStatus }) {
  const t = useTranslations("bookingStatus");
  const { Icon, className } = look[status];
  return (
    <Badge icon={Icon} className={className}>
      {t(status)}
    </Badge>
  );
}
