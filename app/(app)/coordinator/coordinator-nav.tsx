import { getTranslations } from "next-intl/server";
import { NavLinks } from "@/app/_components/nav-links";
import { mailSendingConfigured } from "@/lib/mail/config";

/** The coordinator's pages; the trial outbox only while no SMTP server is configured. */
export async function CoordinatorNav() {
  const t = await getTranslations("coordinator");
  return (
    <div className="mb-6">
      <NavLinks
        label={t("navLabel")}
        items={[
          { href: "/coordinator/applications", label: t("applications") },
          { href: "/coordinator/partners", label: t("partners") },
          { href: "/coordinator/audit", label: t("audit") },
          ...(mailSendingConfigured() ? [] : [{ href: "/dev/outbox", label: t("outbox") }]),
        ]}
      />
    </div>
  );
}
