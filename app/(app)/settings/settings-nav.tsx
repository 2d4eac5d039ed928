import { useTranslations } from "next-intl";
import { NavLinks } from "@/app/_components/nav-links";

export function SettingsNav() {
  const t = useTranslations("settings");
  const tokens = useTranslations("apiTokens");
  return (
    <div className="mb-6">
      <NavLinks
        label={t("navLabel")}
        items={[
          { href: "/settings/profile", label: t("profile") },
          { href: "/settings/members", label: t("members") },
          { href: "/settings/api-tokens", label: tokens("navLabel") },
          { href: "/settings/notifications", label: useTranslations("emailSettings")("settingsNav") },
          { href: "/settings/partnership", label: useTranslations("partnershipSettings")("navLabel") },
        ]}
      />
    </div>
  );
}
