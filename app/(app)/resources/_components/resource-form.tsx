"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useActionState, useId, useState } from "react";
import {
  CheckboxField,
  describedBy,
  ErrorSummary,
  FieldError,
  FieldHint,
  SelectField,
  TextAreaField,
  useStateVersion,
} from "@/app/_components/form-fields";
import { Field, SubmitButton } from "@/app/_components/form-parts";
import { BoxIcon, BuildingIcon, HandsIcon } from "@/app/_components/icons";
import type { ResourceKind } from "@/app/_components/kind-badge";
import { BoltIcon, EarIcon, HourglassIcon, ToiletIcon, WheelchairIcon } from "@/app/_components/resource-icons";
import { type FormState, initialFormState } from "@/app/_lib/form-state";
import type { Form } from "../_lib/form-schema";
import { WEEKDAY_KEYS } from "../_lib/local-time";
import { DURATION_UNITS, type HoursByDay } from "../_lib/resource-form-input";
import { createResourceAction, updateResourceAction } from "../actions";
import { OpeningHoursEditor } from "./opening-hours-editor";

const KINDS: { kind: ResourceKind; Icon: typeof BoxIcon; className: string }[] = [
  { kind: "premises", Icon: BuildingIcon, className: "text-premises" },
  { kind: "equipment", Icon: BoxIcon, className: "text-equipment" },
  { kind: "expertise", Icon: HandsIcon, className: "text-expertise" },
];

/** The one form for a new resource and for changes: kind first, then what that kind needs, rules and hours. */
export function ResourceForm({
  resourceId,
  defaults,
  hours,
  alwaysOpen,
}: {
  /** Set when editing: the kind is then fixed. */
  resourceId?: string;
  defaults: Form;
  hours: HoursByDay;
  alwaysOpen: boolean;
}) {
  const t = useTranslations("resourceForm");
  const tw = useTranslations("weekdayNames");
  const [state, action] = useActionState(resourceId ? updateResourceAction : createResourceAction, initialFormState);
  const [kind, setKind] = useState(defaults.kind ?? "");
  const d = (name: string) => defaults[name] ?? "";

  const labels: Record<string, string> = {
    kind: t("kindLegend"),
    name: t("name"),
    description: t("description"),
    location: t("location"),
    capacity: t("capacity"),
    floor: t("floor"),
    amenities: t("amenities"),
    quantity: t("quantity"),
    pickup: t("pickup"),
    condition: t("condition"),
    includes: t("includes"),
    offer: t("offer"),
    volunteers: t("volunteers"),
    maxHoursPerMonth: t("maxHoursPerMonth"),
    requirements: t("requirements"),
    bookingMode: t("modeLegend"),
    minLength: t("minLength"),
    maxLength: t("maxLength"),
    lead: t("lead"),
    horizonDays: t("horizonDays"),
    bufferMinutes: t("bufferMinutes"),
    inKindRate: t("inKindRate"),
    inKindUnit: t("inKindUnit"),
    openingHours: t("hoursTitle"),
  };
  const labelOf = (field: string) => {
    const hour = /^hours-([1-7])-(\d+)-(start|end)$/.exec(field);
    if (hour) {
      const day = tw(WEEKDAY_KEYS[Number(hour[1]) - 1]);
      return `${t("intervalOf", { day, number: Number(hour[2]) + 1 })} – ${hour[3] === "start" ? t("from") : t("to")}`;
    }
    return labels[field];
  };

  return (
    <form action={action} className="space-y-8" noValidate>
      {resourceId ? <input type="hidden" name="resourceId" value={resourceId} /> : null}

      {resourceId ? (
        <input type="hidden" name="kind" value={kind} />
      ) : (
        <KindChoice value={kind} onChange={setKind} state={state} />
      )}

      <Section title={t("basicsTitle")}>
        <Field name="name" label={t("name")} defaultValue={d("name")} required state={state} autoComplete="off" />
        <TextAreaField
          name="description"
          label={t("description")}
          hint={t("descriptionHint")}
          defaultValue={d("description")}
          rows={4}
          state={state}
        />
        <Field
          name="location"
          label={kind ? t(`locationFor.${kind}`) : t("location")}
          hint={t("locationHint")}
          defaultValue={d("location")}
          state={state}
        />
        {d("address") ? <input type="hidden" name="address" value={d("address")} /> : null}
      </Section>

      {!kind ? (
        <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2">{t("chooseKindFirst")}</p>
      ) : null}

      <Section title={t("premisesTitle")} hidden={kind !== "premises"}>
        <Field
          name="capacity"
          type="number"
          inputMode="numeric"
          min={1}
          label={t("capacity")}
          defaultValue={d("capacity")}
          state={state}
        />
        <Field name="floor" label={t("floor")} hint={t("floorHint")} defaultValue={d("floor")} state={state} />
        <fieldset>
          <legend className="label">{t("accessibilityLegend")}</legend>
          <CheckboxField
            name="stepFree"
            label={t("stepFree")}
            icon={<WheelchairIcon />}
            defaultChecked={d("stepFree") === "on"}
            state={state}
          />
          <CheckboxField
            name="accessibleToilet"
            label={t("accessibleToilet")}
            icon={<ToiletIcon />}
            defaultChecked={d("accessibleToilet") === "on"}
            state={state}
          />
          <CheckboxField
            name="inductionLoop"
            label={t("inductionLoop")}
            icon={<EarIcon />}
            defaultChecked={d("inductionLoop") === "on"}
            state={state}
          />
        </fieldset>
        <TextAreaField
          name="amenities"
          label={t("amenities")}
          hint={t("linesHint")}
          defaultValue={d("amenities")}
          state={state}
        />
      </Section>

      <Section title={t("equipmentTitle")} hidden={kind !== "equipment"}>
        <Field
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          label={t("quantity")}
          hint={t("quantityHint")}
          defaultValue={d("quantity") || "1"}
          state={state}
        />
        <TextAreaField
          name="pickup"
          label={t("pickup")}
          hint={t("pickupHint")}
          defaultValue={d("pickup")}
          state={state}
        />
        <Field name="condition" label={t("condition")} defaultValue={d("condition")} state={state} />
        <TextAreaField
          name="includes"
          label={t("includes")}
          hint={t("linesHint")}
          defaultValue={d("includes")}
          state={state}
        />
      </Section>

      <Section title={t("expertiseTitle")} hidden={kind !== "expertise"}>
        <TextAreaField name="offer" label={t("offer")} hint={t("offerHint")} defaultValue={d("offer")} state={state} />
        <Field
          name="volunteers"
          type="number"
          inputMode="numeric"
          min={0}
          label={t("volunteers")}
          defaultValue={d("volunteers")}
          state={state}
        />
        <Field
          name="maxHoursPerMonth"
          type="number"
          inputMode="numeric"
          min={0}
          label={t("maxHoursPerMonth")}
          defaultValue={d("maxHoursPerMonth")}
          state={state}
        />
        <TextAreaField
          name="requirements"
          label={t("requirements")}
          hint={t("requirementsHint")}
          defaultValue={d("requirements")}
          state={state}
        />
        <CheckboxField
          name="childrenCheck"
          label={t("childrenCheck")}
          hint={t("childrenCheckHint")}
          defaultChecked={d("childrenCheck") === "on"}
          state={state}
        />
      </Section>

      <Section title={t("rulesTitle")}>
        <ModeChoice defaultValue={d("bookingMode") || "approval"} state={state} />
        <div className="grid gap-4 sm:grid-cols-2">
          <DurationField
            name="minLength"
            label={t("minLength")}
            hint={t("noLimitHint")}
            defaults={defaults}
            state={state}
          />
          <DurationField
            name="maxLength"
            label={t("maxLength")}
            hint={t("noLimitHint")}
            defaults={defaults}
            state={state}
          />
          <DurationField name="lead" label={t("lead")} hint={t("leadHint")} defaults={defaults} state={state} />
          <Field
            name="horizonDays"
            type="number"
            inputMode="numeric"
            min={1}
            label={t("horizonDays")}
            hint={t("horizonHint")}
            defaultValue={d("horizonDays")}
            state={state}
          />
          <Field
            name="bufferMinutes"
            type="number"
            inputMode="numeric"
            min={0}
            label={t("bufferMinutes")}
            hint={t("bufferHint")}
            defaultValue={d("bufferMinutes")}
            state={state}
          />
        </div>
      </Section>

      <Section title={t("inKindTitle")} description={t("inKindHint")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            name="inKindRate"
            inputMode="decimal"
            label={t("inKindRate")}
            hint={t("inKindRateHint")}
            defaultValue={d("inKindRate")}
            state={state}
            autoComplete="off"
          />
          <SelectField
            name="inKindUnit"
            label={t("inKindUnit")}
            defaultValue={d("inKindUnit")}
            state={state}
            options={[
              { value: "", label: t("inKindUnitNone") },
              ...(["hour", "day", "unit_day", "volunteer_hour"] as const).map((u) => ({
                value: u,
                label: t(`inKindUnits.${u}`),
              })),
            ]}
          />
        </div>
      </Section>

      <div className="card">
        <OpeningHoursEditor initial={hours} initialAlwaysOpen={alwaysOpen} state={state} />
      </div>

      <ErrorSummary
        state={state}
        labels={Object.fromEntries(Object.keys(state.fieldErrors ?? {}).map((f) => [f, labelOf(f)]))}
      />
      <SubmitButton pendingLabel={t("saving")}>{resourceId ? t("saveChanges") : t("create")}</SubmitButton>
    </form>
  );
}

function Section({
  title,
  description,
  hidden,
  children,
}: {
  title: string;
  description?: string;
  hidden?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="card space-y-4" hidden={hidden} aria-labelledby={id}>
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {description ? <p className="text-sm text-slate-700">{description}</p> : null}
      {children}
    </section>
  );
}

function KindChoice({ value, onChange, state }: { value: string; onChange: (kind: string) => void; state: FormState }) {
  const t = useTranslations("resourceForm");
  const tk = useTranslations("kinds");
  const error = state.fieldErrors?.kind;
  return (
    <fieldset
      className="card"
      aria-describedby={error ? "field-kind-error" : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="float-left text-xl font-semibold">{t("kindLegend")}</legend>
      <div className="clear-left pt-3 grid gap-3 sm:grid-cols-3">
        {KINDS.map(({ kind, Icon, className }, index) => (
          <label
            key={kind}
            className={`flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border-2 p-3 ${
              value === kind ? "border-brand-700 bg-brand-50" : "border-slate-300 bg-white hover:border-slate-500"
            }`}
          >
            <input
              type="radio"
              name="kind"
              value={kind}
              id={index === 0 ? "field-kind" : undefined}
              // Uncontrolled, with the default following the choice: React resets a form after its action, and a reset
              // returns each radio to its default, which is then still the chosen kind.
              defaultChecked={value === kind}
              onChange={() => onChange(kind)}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
            />
            <Icon width={28} height={28} className={`shrink-0 ${className}`} />
            <span>
              <span className="block font-semibold">{tk(kind)}</span>
              <span className="block text-sm text-slate-700">{t(`kindHint.${kind}`)}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldError name="kind" error={error} />
    </fieldset>
  );
}

function ModeChoice({ defaultValue, state }: { defaultValue: string; state: FormState }) {
  const t = useTranslations("resourceForm");
  const tm = useTranslations("bookingModes");
  const checked = state.values?.bookingMode ?? defaultValue;
  const error = state.fieldErrors?.bookingMode;
  const modes = [
    { mode: "instant", Icon: BoltIcon },
    { mode: "approval", Icon: HourglassIcon },
  ] as const;
  return (
    <fieldset aria-describedby={error ? "field-bookingMode-error" : undefined}>
      <legend className="label">{t("modeLegend")}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {modes.map(({ mode, Icon }, index) => (
          <label
            key={mode}
            className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-400 p-3 has-[:checked]:border-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              name="bookingMode"
              value={mode}
              id={index === 0 ? "field-bookingMode" : undefined}
              defaultChecked={checked === mode}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
            />
            <Icon className="mt-0.5 shrink-0" />
            <span>
              <span className="block font-semibold">{tm(mode)}</span>
              <span className="block text-sm text-slate-700">{t(`modeHint.${mode}`)}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldError name="bookingMode" error={error} />
    </fieldset>
  );
}

/** A number with its unit (minutes, hours, days). */
function DurationField({
  name,
  label,
  hint,
  defaults,
  state,
}: {
  name: string;
  label: string;
  hint?: string;
  defaults: Form;
  state: FormState;
}) {
  const t = useTranslations("resourceForm");
  const { id, error, ...aria } = describedBy(name, state, hint);
  const version = useStateVersion(state);
  const unitName = `${name}Unit`;
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <FieldHint name={name}>{hint}</FieldHint>
      <div className="flex gap-2">
        <input
          id={id}
          name={name}
          inputMode="decimal"
          autoComplete="off"
          className="input w-28"
          defaultValue={state.values?.[name] ?? defaults[name] ?? ""}
          {...aria}
        />
        <label htmlFor={`field-${unitName}`} className="sr-only">
          {t("unitOf", { field: label })}
        </label>
        <select
          key={version}
          id={`field-${unitName}`}
          name={unitName}
          className="input w-auto"
          defaultValue={state.values?.[unitName] ?? defaults[unitName] ?? "h"}
        >
          {DURATION_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`units.${u}`)}
            </option>
          ))}
        </select>
      </div>
      <FieldError name={name} error={error} />
    </div>
  );
}
