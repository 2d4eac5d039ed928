import Link from "next/link";
import { useTranslations } from "next-intl";
import { SelectField } from "@/app/_components/form-fields";
import { Field } from "@/app/_components/form-parts";
import { SearchIcon } from "@/app/_components/resource-icons";
import type { FormState } from "@/app/_lib/form-state";

/**
 * The catalogue search as a plain GET form, so it works without JavaScript and a search can be bookmarked or sent
 * to someone. Dates first: when, then how many, then what and whose.
 */
export function SearchForm({ state, owners }: { state: FormState; owners: { slug: string; name: string }[] }) {
  const t = useTranslations("catalogue");
  const tk = useTranslations("kinds");
  return (
    <form
      method="get"
      action="/resources"
      role="search"
      aria-labelledby="search-title"
      className="card space-y-5"
      noValidate
    >
      <h2 id="search-title" className="text-xl font-semibold">
        {t("searchTitle")}
      </h2>
      <fieldset aria-describedby="when-hint">
        <legend className="label text-lg">{t("whenLegend")}</legend>
        <p id="when-hint" className="mb-2 text-sm text-slate-700">
          {t("whenHint")}
        </p>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field name="date" type="date" label={t("date")} state={state} />
          <Field name="from" type="time" label={t("from")} state={state} />
          <Field name="to" type="time" label={t("to")} state={state} />
        </div>
      </fieldset>
      <fieldset>
        <legend className="label text-lg">{t("howManyLegend")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            name="people"
            type="number"
            inputMode="numeric"
            min={1}
            label={t("people")}
            hint={t("peopleHint")}
            state={state}
          />
          <Field
            name="units"
            type="number"
            inputMode="numeric"
            min={1}
            label={t("units")}
            hint={t("unitsHint")}
            state={state}
          />
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          name="kind"
          label={t("kind")}
          state={state}
          options={[
            { value: "", label: t("anyKind") },
            ...(["premises", "equipment", "expertise"] as const).map((k) => ({ value: k, label: tk(k) })),
          ]}
        />
        <SelectField
          name="owner"
          label={t("owner")}
          state={state}
          options={[{ value: "", label: t("anyOwner") }, ...owners.map((o) => ({ value: o.slug, label: o.name }))]}
        />
        <Field name="q" type="search" label={t("q")} state={state} />
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn-primary">
          <SearchIcon />
          {t("submit")}
        </button>
        <Link href="/resources" className="btn-secondary">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
