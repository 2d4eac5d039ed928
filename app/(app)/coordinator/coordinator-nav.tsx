import { useTranslations } from "next-intl";
import { NavLinks } from "@/app/_components/nav-links";
import { mailSendingConfigured } from "@/lib/mail/config";

/** The coordinator's pages; the trial outbox only while no SMTP server is configured. */
export function CoordinatorNav() {
  const t = useTranslations("coordinator");
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
