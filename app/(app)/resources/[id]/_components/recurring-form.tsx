"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { type ChangeEvent, useActionState, useState } from "react";
import { describedBy, ErrorSummary, FieldError } from "@/app/_components/form-fields";
import { ActionButton } from "@/app/_components/form-parts";
import { AlertIcon, CheckIcon } from "@/app/_components/icons";
import { LockIcon } from "@/app/_components/resource-icons";
import { type FormState, initialFormState } from "@/app/_lib/form-state";
import { WEEKDAY_KEYS } from "../../_lib/local-time";
import { createRecurringAction, previewRecurringAction } from "../actions";

type Row = { label: string; state?: "free" | "conflict" | "rule_violation"; reasons: string[] };

function rowsOf(value: unknown): Row[] {
  if (typeof value !== "string") return [];
  try {
    const parsed = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

const STATE_LOOK = {
  free: { Icon: CheckIcon, className: "border-green-700 bg-green-50 text-green-950" },
  conflict: { Icon: LockIcon, className: "border-rose-700 bg-rose-50 text-rose-950" },
  rule_violation: { Icon: AlertIcon, className: "border-amber-700 bg-amber-50 text-amber-950" },
} as const;

/**
 * The request form on the same page has fields of the same names (purpose, attendees, quantity): this form's ids get
 * a prefix, so that its labels, hints, errors and summary links point at its own fields.
 */
const ID_PREFIX = "recurring-";
const withPrefixedErrors = (state: FormState): FormState =>
  state.fieldErrors
    ? {
        ...state,
        fieldErrors: Object.fromEntries(Object.entries(state.fieldErrors).map(([k, v]) => [`${ID_PREFIX}${k}`, v])),
      }
    : state;

type Values = {
  frequency: string;
  weekdays: number[];
  startDate: string;
  startTime: string;
  endTime: string;
  ends: "until" | "count";
  until: string;
  count: string;
  quantity: string;
  purpose: string;
  attendees: string;
};

/**
 * A request that repeats: how often, on which weekdays, from when, until a date or N times. "Show dates" lists
 * every occurrence and whether it is free; only then can the free ones be booked (or all, or none). The fields are
 * the component's own state, so they survive both actions; ticks and choices are uncontrolled with defaults that
 * follow that state, because React resets a form after each action and a reset returns them to their defaults.
 */
export function RecurringForm({
  resourceId,
  quantity,
  initial,
}: {
  resourceId: string;
  quantity: number;
  initial: { date: string; start: string; end: string; weekday: number; units: string };
}) {
  const t = useTranslations("recurringRequest");
  const tw = useTranslations("weekdayNames");
  const tv = useTranslations("violations");
  const [previewState, preview] = useActionState(previewRecurringAction, initialFormState);
  const [createState, create] = useActionState(createRecurringAction, initialFormState);
  const [last, setLast] = useState<"preview" | "create" | null>(null);
  const [previewedFor, setPreviewedFor] = useState("");
  const [v, setV] = useState<Values>({
    frequency: "weekly",
    weekdays: initial.weekday ? [initial.weekday] : [],
    startDate: initial.date,
    startTime: initial.start,
    endTime: initial.end,
    ends: "count",
    until: "",
    count: "8",
    quantity: initial.units || "1",
    purpose: "",
    attendees: "",
  });
  const snapshot = JSON.stringify(v);
  const state: FormState = withPrefixedErrors(last === "create" ? createState : previewState);
  const previewed = last === "preview" && previewState.status === "success";
  const stale = previewed && previewedFor !== snapshot;
  const occurrences = previewed ? rowsOf(previewState.data?.occurrences) : [];
  const free = Number(previewState.data?.free ?? 0);

  const set = (name: keyof Values) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setV((old) => ({ ...old, [name]: e.target.value }));
  const toggleDay = (day: number) =>
    setV((old) => ({
      ...old,
      weekdays: old.weekdays.includes(day) ? old.weekdays.filter((d) => d !== day) : [...old.weekdays, day].sort(),
    }));
  const labelOf: Record<string, string> = {
    frequency: t("frequency"),
    weekdays: t("weekdays"),
    startDate: t("startDate"),
    startTime: t("startTime"),
    endTime: t("endTime"),
    until: t("until"),
    count: t("count"),
    quantity: t("quantity"),
    purpose: t("purpose"),
    attendees: t("attendees"),
  };
  const labels = Object.fromEntries(Object.entries(labelOf).map(([k, v]) => [`${ID_PREFIX}${k}`, v]));
  const input = (name: keyof Values, type: string, extra: Record<string, unknown> = {}) => {
    const { id, error, ...aria } = describedBy(`${ID_PREFIX}${name}`, state);
    return (
      <div>
        <label htmlFor={id} className="label">
          {labelOf[name]}
        </label>
        <input
          id={id}
          name={name}
          type={type}
          value={v[name] as string}
          onChange={set(name)}
          className="input"
          {...aria}
          {...extra}
        />
        <FieldError name={`${ID_PREFIX}${name}`} error={error} />
      </div>
    );
  };
  const weekdaysError = state.fieldErrors?.[`${ID_PREFIX}weekdays`];

  return (
    <form className="space-y-5" noValidate>
      <input type="hidden" name="resourceId" value={resourceId} />
      <fieldset>
        <legend className="label">{t("frequency")}</legend>
        <div className="flex flex-wrap gap-2">
          {(["weekly", "biweekly", "monthly"] as const).map((f, i) => (
            <label
              key={f}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-400 px-3 has-[:checked]:border-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="frequency"
                value={f}
                id={i === 0 ? `field-${ID_PREFIX}frequency` : undefined}
                defaultChecked={v.frequency === f}
                onChange={set("frequency")}
                className="h-5 w-5 accent-brand-700"
              />
              {t(`frequencies.${f}`)}
            </label>
          ))}
        </div>
        {v.frequency === "monthly" ? <p className="mt-1 text-sm text-slate-700">{t("monthlyHint")}</p> : null}
      </fieldset>

      <fieldset
        aria-describedby={weekdaysError ? `field-${ID_PREFIX}weekdays-error` : undefined}
        aria-invalid={weekdaysError ? true : undefined}
      >
        <legend className="label">{t("weekdays")}</legend>
        <div className="flex flex-wrap gap-2">
          {WEEKDAY_KEYS.map((key, i) => {
            const day = i + 1;
            return (
              <label
                key={key}
                className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-400 px-3 has-[:checked]:border-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
              >
                <input
                  type="checkbox"
                  name={`weekday-${day}`}
                  id={i === 0 ? `field-${ID_PREFIX}weekdays` : undefined}
                  defaultChecked={v.weekdays.includes(day)}
                  onChange={() => toggleDay(day)}
                  className="h-5 w-5 accent-brand-700"
                />
                {tw(key)}
              </label>
            );
          })}
        </div>
        <FieldError name={`${ID_PREFIX}weekdays`} error={weekdaysError} />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-3">
        {input("startDate", "date")}
        {input("startTime", "time")}
        {input("endTime", "time")}
      </div>

      <fieldset>
        <legend className="label">{t("endsLegend")}</legend>
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex min-h-11 cursor-pointer items-center gap-2">
              <input
                type="radio"
                name="ends"
                value="count"
                defaultChecked={v.ends === "count"}
                onChange={() => setV((o) => ({ ...o, ends: "count" }))}
                className="h-5 w-5 accent-brand-700"
              />
              {t("endsCount")}
            </label>
            {v.ends === "count" ? (
              <div className="w-32">{input("count", "number", { min: 1, max: 104, inputMode: "numeric" })}</div>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex min-h-11 cursor-pointer items-center gap-2">
              <input
                type="radio"
                name="ends"
                value="until"
                defaultChecked={v.ends === "until"}
                onChange={() => setV((o) => ({ ...o, ends: "until" }))}
                className="h-5 w-5 accent-brand-700"
              />
              {t("endsUntil")}
            </label>
            {v.ends === "until" ? <div>{input("until", "date")}</div> : null}
          </div>
        </div>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        {quantity > 1 ? input("quantity", "number", { min: 1, max: quantity, inputMode: "numeric" }) : null}
        {input("attendees", "number", { min: 1, inputMode: "numeric" })}
      </div>
      {input("purpose", "text", { autoComplete: "off", required: true })}

      <ErrorSummary state={state} labels={labels}>
        {last === "create" && state.status === "error" ? (
          <RowList rows={rowsOf(state.data?.blocked)} tv={tv} t={t} />
        ) : null}
      </ErrorSummary>

      <div>
        <ActionButton
          formAction={preview}
          className="btn-secondary"
          pendingLabel={t("working")}
          onClick={() => {
            setLast("preview");
            setPreviewedFor(snapshot);
          }}
        >
          {t("preview")}
        </ActionButton>
      </div>
      <div aria-live="polite" role="status" className="space-y-3">
        {previewed ? (
          <div className="space-y-3" data-testid="recurring-preview">
            <h3 className="font-semibold">{previewState.message}</h3>
            <RowList rows={occurrences} tv={tv} t={t} />
            {stale ? (
              <p className="text-amber-950">{t("stale")}</p>
            ) : free > 0 ? (
              <div className="flex flex-wrap gap-2">
                <ActionButton
                  formAction={(data) => {
                    // Set here, not on click: hiding the preview on click would remove this button before it submits.
                    setLast("create");
                    create(withMode(data, "skip_conflicts"));
                  }}
                  className="btn-primary"
                  pendingLabel={t("working")}
                >
                  {t("bookFree", { count: free })}
                </ActionButton>
                <ActionButton
                  formAction={(data) => {
                    // Set here, not on click: hiding the preview on click would remove this button before it submits.
                    setLast("create");
                    create(withMode(data, "all_or_nothing"));
                  }}
                  className="btn-secondary"
                  pendingLabel={t("working")}
                >
                  {t("allOrNothing")}
                </ActionButton>
              </div>
            ) : (
              <p>{t("noneFree")}</p>
            )}
            {!stale && free > 0 ? <p className="text-sm text-slate-700">{t("modesHint")}</p> : null}
          </div>
        ) : null}
        {last === "create" && createState.status === "success" ? (
          <div
            className="rounded-md border border-green-300 bg-green-50 p-3 text-green-950"
            data-testid="recurring-created"
          >
            <p className="flex items-start gap-2 font-semibold">
              <CheckIcon className="mt-0.5 shrink-0" />
              {createState.message}
            </p>
            {rowsOf(createState.data?.skipped).length ? (
              <>
                <p className="mt-2 font-medium">{t("skippedTitle")}</p>
                <RowList rows={rowsOf(createState.data?.skipped)} tv={tv} t={t} />
              </>
            ) : null}
            <p className="mt-2">
              <Link href="/bookings">{t("seeBookings")}</Link>
            </p>
          </div>
        ) : null}
      </div>
    </form>
  );
}

function RowList({
  rows,
  tv,
  t,
}: {
  rows: Row[];
  tv: ReturnType<typeof useTranslations>;
  t: ReturnType<typeof useTranslations>;
}) {
  if (rows.length === 0) return null;
  return (
    <ul className="space-y-1">
      {rows.map((row) => {
        const state = row.state ?? (row.reasons.includes("conflict") ? "conflict" : "rule_violation");
        const { Icon, className } = STATE_LOOK[state];
        const why = row.reasons.filter((r) => r !== "conflict").map((r) => (tv.has(r) ? tv(r) : r));
        return (
          <li key={row.label} className={`rounded border-l-4 px-2 py-1 text-sm ${className}`}>
            <span className="font-medium tabular-nums">{row.label}</span>{" "}
            <span className="inline-flex items-center gap-1">
              <Icon width={16} height={16} />
              {t(`states.${state}`)}
            </span>
            {why.length ? <span className="block">{why.join(" ")}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The form data with the booking mode of the button that sent it (a button with a function action has no value). */
function withMode(data: FormData, mode: "skip_conflicts" | "all_or_nothing"): FormData {
  data.set("mode", mode);
  return data;
}
