"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/app/_components/form-fields";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import type { OfferSkill, TeamCandidate } from "@/lib/volunteers/offer-team";
import { updateOfferSkillsAction, updateOfferTeamAction } from "../team-actions";

const BLANK_ROWS = 2;

/** The offer's skill tags as rows: a name (from the shared list or new) and whether a valid document is required. */
export function OfferSkillsForm({
  resourceId,
  skills,
  vocabulary,
}: {
  resourceId: string;
  skills: OfferSkill[];
  vocabulary: string[];
}) {
  const t = useTranslations("volunteers.team");
  const [state, action] = useActionState(updateOfferSkillsAction, initialFormState);
  const rows = [...skills, ...Array.from({ length: BLANK_ROWS }, () => ({ name: "", certificateRequired: false }))];
  const labels = Object.fromEntries(rows.map((_, i) => [`skill_${i}`, t("skillN", { n: i + 1 })]));
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="resourceId" value={resourceId} />
      <p className="text-sm text-slate-700">{t("editSkillsHint")}</p>
      {/* Keyed by the saved tags: after a save the rows start from what is stored, while the form keeps its message. */}
      <ul key={JSON.stringify(skills)} className="space-y-2">
        {rows.map((row, i) => {
          const certName = `cert_${i}`;
          const checked = state.values ? state.values[certName] === "on" : row.certificateRequired;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions of the form, not items
            <li key={i} className="grid items-end gap-2 sm:grid-cols-[1fr_auto]">
              <Field
                name={`skill_${i}`}
                label={t("skillN", { n: i + 1 })}
                state={state}
                defaultValue={row.name}
                list="offer-skill-vocabulary"
                autoComplete="off"
              />
              <label htmlFor={`field-${certName}`} className="flex min-h-11 cursor-pointer items-center gap-3">
                <input
                  id={`field-${certName}`}
                  name={certName}
                  type="checkbox"
                  defaultChecked={checked}
                  className="h-5 w-5 shrink-0 accent-brand-700"
                />
                <span aria-hidden="true">{t("certN")}</span>
                <span className="sr-only">{t("certFor", { n: i + 1 })}</span>
              </label>
            </li>
          );
        })}
      </ul>
      <datalist id="offer-skill-vocabulary">
        {vocabulary.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {state.status === "error" ? <ErrorSummary state={state} labels={labels} /> : <FormMessage state={state} />}
      <SubmitButton pendingLabel={t("saving")} className="btn-secondary">
        {t("saveSkills")}
      </SubmitButton>
    </form>
  );
}

/** Ticks the owner's volunteers who can deliver the offer. */
export function OfferTeamForm({ resourceId, candidates }: { resourceId: string; candidates: TeamCandidate[] }) {
  const t = useTranslations("volunteers.team");
  const [state, action] = useActionState(updateOfferTeamAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="resourceId" value={resourceId} />
      <fieldset>
        <legend className="mb-1 text-sm text-slate-700">{t("teamHint")}</legend>
        <ul key={candidates.map((c) => `${c.id}:${c.inTeam}`).join(",")} className="divide-y divide-slate-200">
          {candidates.map((c) => {
            const name = `volunteer_${c.id}`;
            const checked = state.values ? state.values[name] === "on" : c.inTeam;
            return (
              <li key={c.id}>
                <label htmlFor={`team-${c.id}`} className="flex min-h-11 cursor-pointer items-center gap-3 py-1">
                  <input
                    id={`team-${c.id}`}
                    name={name}
                    type="checkbox"
                    defaultChecked={checked}
                    className="h-5 w-5 shrink-0 accent-brand-700"
                  />
                  <span>
                    <span className="font-medium">
                      {c.firstName} {c.lastName}
                    </span>
                    {c.active ? null : <span className="text-slate-700"> ({t("inactive")})</span>}
                    {c.skills.length ? (
                      <span className="block text-sm text-slate-700">{c.skills.join(", ")}</span>
                    ) : null}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("saving")} className="btn-secondary">
        {t("saveTeam")}
      </SubmitButton>
    </form>
  );
}
