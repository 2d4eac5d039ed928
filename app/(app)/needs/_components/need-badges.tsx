import { useTranslations } from "next-intl";
import { Badge } from "@/app/_components/badge";
import { CheckIcon, ClockIcon, InfoIcon, XIcon } from "@/app/_components/icons";

type NeedStatus = "open" | "filled" | "closed" | "cancelled";

const look: Record<NeedStatus, { Icon: typeof CheckIcon; className: string }> = {
  open: { Icon: ClockIcon, className: "bg-amber-50 text-amber-900 border-amber-300" },
  filled: { Icon: CheckIcon, className: "bg-green-50 text-green-900 border-green-300" },
  closed: { Icon: InfoIcon, className: "bg-slate-100 text-slate-800 border-slate-300" },
  cancelled: { Icon: XIcon, className: "bg-slate-100 text-slate-800 border-slate-300" },
};

/** A need's state in a word and an icon, never by colour alone. */
export function NeedStatusBadge({ status }: { status: NeedStatus }) {
  const t = useTranslations("needs.status");
  const { Icon, className } = look[status];
  return (
    <Badge icon={Icon} className={className}>
      {t(status)}
    </Badge>
  );
}

/** The skills a need or an offer asks for; a certified one says so in words. */
export function SkillTags({ skills }: { skills: { name: string; certificateRequired?: boolean }[] }) {
  const t = useTranslations("needs");
  if (skills.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("skillsLabel")}>
      {skills.map((s) => (
        <li
          key={s.name}
          className="rounded-full border border-slate-300 bg-slate-50 px-2 py-0.5 text-sm text-slate-800"
        >
          {s.name}
          {s.certificateRequired ? <span className="font-medium"> · {t("certificateRequiredShort")}</span> : null}
        </li>
      ))}
    </ul>
  );
}
