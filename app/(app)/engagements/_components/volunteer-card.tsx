import { useTranslations } from "next-intl";
import type { VolunteerCard } from "@/lib/volunteers/visibility";

/** A volunteer as the reader may see them: the first name and skills; contact details only where the rule allows. */
export function VolunteerCardView({ card }: { card: VolunteerCard }) {
  const t = useTranslations("engagements");
  const name = card.contact ? `${card.firstName} ${card.contact.lastName}`.trim() : card.firstName;
  return (
    <div data-testid="volunteer-card">
      <p className="font-medium">{card.erased ? t("erased") : name}</p>
      {card.skills.length ? <p className="text-sm text-slate-700">{card.skills.join(", ")}</p> : null}
      {card.contact && (card.contact.phone || card.contact.email) ? (
        <p className="text-sm">
          {card.contact.phone ? (
            <a href={`tel:${card.contact.phone.replace(/\s+/g, "")}`}>{card.contact.phone}</a>
          ) : null}
          {card.contact.phone && card.contact.email ? " · " : null}
          {card.contact.email ? <a href={`mailto:${card.contact.email}`}>{card.contact.email}</a> : null}
        </p>
      ) : null}
    </div>
  );
}
