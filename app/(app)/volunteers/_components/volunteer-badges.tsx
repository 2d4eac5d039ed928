import { useTranslations } from "next-intl";
import { AlertIcon, CheckIcon, ClockIcon, InfoIcon, XIcon } from "@/app/_components/icons";
import type { QualificationState } from "@/lib/volunteers/qualification-state";

const tone = {
  good: "bg-green-50 text-green-900 border-green-300",
  warn: "bg-amber-50 text-amber-900 border-amber-300",
  bad: "bg-red-50 text-red-900 border-red-300",
  plain: "bg-slate-100 text-slate-800 border-slate-300",
} as const;

/** A state as a word with an icon (never colour alone). */
export function Badge({
  tone: look,
  icon: Icon,
  children,
}: {
  tone: keyof typeof tone;
  icon: typeof CheckIcon;
  children: React.ReactNode;
}) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium ${tone[look]}`}
    >
      <Icon width={16} height={16} aria-hidden="true" />
      {children}
    </span>
  );
}

export function QualificationBadge({ state }: { state: QualificationState }) {
  const t = useTranslations("volunteers.qualificationState");
  const look = {
    valid: { tone: "good", icon: CheckIcon },
    no_expiry: { tone: "good", icon: CheckIcon },
    expiring: { tone: "warn", icon: ClockIcon },
    expired: { tone: "bad", icon: AlertIcon },
  } as const;
  return (
    <Badge tone={look[state].tone} icon={look[state].icon}>
      {t(state)}
    </Badge>
  );
}

export function VolunteerStateBadge({ active, erased }: { active: boolean; erased: boolean }) {
  const t = useTranslations("volunteers.badge");
  if (erased)
    return (
      <Badge tone="plain" icon={XIcon}>
        {t("erased")}
      </Badge>
    );
  return active ? (
    <Badge tone="good" icon={CheckIcon}>
      {t("active")}
    </Badge>
  ) : (
    <Badge tone="plain" icon={InfoIcon}>
      {t("inactive")}
    </Badge>
  );
}

export function ChildrenCheckBadge({ checkedOn }: { checkedOn: string | null }) {
  const t = useTranslations("volunteers.badge");
  return checkedOn ? (
    <Badge tone="good" icon={CheckIcon}>
      {t("checked")}
    </Badge>
  ) : (
    <Badge tone="plain" icon={InfoIcon}>
      {t("notChecked")}
    </Badge>
  );
}
