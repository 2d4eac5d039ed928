import { getTranslations } from "next-intl/server";
import { NavLinks } from "@/app/_components/nav-links";

export async function SettingsNav() {
  const t = await getTranslations("settings");
  const tokens = await getTranslations("apiTokens");
  return (
    <div className="mb-6">
      <NavLinks
        label={t("navLabel")}
        items={[
          { href: "/settings/profile", label: t("profile") },
          { href: "/settings/members", label: t("members") },
          { href: "/settings/api-tokens", label: tokens("navLabel") },
          { href: "/settings/notifications", label: (await getTranslations("emailSettings"))("settingsNav") },
          { href: "/settings/partnership", label: (await getTranslations("partnershipSettings"))("navLabel") },
        ]}
      />
    </div>
  );
}
