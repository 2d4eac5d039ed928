"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { describedBy, ErrorSummary, FieldError, FieldHint, TextAreaField } from "@/app/_components/form-fields";
import { Field, SubmitButton } from "@/app/_components/form-parts";
import { CheckIcon, InfoIcon } from "@/app/_components/icons";
import { type BookingStatus, StatusBadge } from "@/app/_components/status-badge";
import { type FormState, initialFormState } from "@/app/_lib/form-state";
import { requestBookingAction } from "../actions";

export interface Prefill {
  date: string;
  start: string;
  end: string;
  endDate: string;
  units: string;
}

type Alternative = { date: string; start: string; end: string; endDate?: string; label: string };

function parseList<T>(value: unknown): T[] {
  if (typeof value !== "string") return [];
  try {
    const parsed = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/**
 * The request for one period. Date and times are kept in state, so a proposed alternative can fill them in without
 * losing the purpose already typed. The idempotency key comes from the server with each render of the page, so
 * sending the same form twice makes one booking.
 */
export function RequestForm({
  resourceId,
  idempotencyKey,
  prefill,
  kind,
  quantity,
  instant,
  owner,
}: {
  resourceId: string;
  idempotencyKey: string;
  prefill: Prefill;
  kind: "premises" | "equipment" | "expertise";
  /** Units the resource has; more than one shows the units field. */
  quantity: number;
  instant: boolean;
  owner: string;
}) {
  const t = useTranslations("bookingRequest");
  const tv = useTranslations("violations");
  const [state, action] = useActionState(requestBookingAction, initialFormState);
  const [when, setWhen] = useState({
    date: prefill.date,
    start: prefill.start,
    end: prefill.end,
    endDate: prefill.endDate,
  });
  // A chosen alternative is announced until the next answer from the server replaces the form state.
  const [picked, setPicked] = useState<{ text: string; state: FormState } | null>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const equipment = kind === "equipment";
  const key =
    state.status === "success" && typeof state.data?.nextKey === "string" ? state.data.nextKey : idempotencyKey;
  const alternatives = state.status === "error" ? parseList<Alternative>(state.data?.alternatives) : [];
  const violations = state.status === "error" ? parseList<string>(state.data?.violations) : [];

  const labels: Record<string, string> = {
    date: t("date"),
    start: t("start"),
    end: t("end"),
    endDate: t("endDate"),
    quantity: t("quantity"),
    purpose: t("purpose"),
    attendees: t("attendees"),
    note: t("note"),
  };
  const choose = (a: Alternative) => {
    setWhen({ date: a.date, start: a.start, end: a.end, endDate: a.endDate ?? "" });
    setPicked({ text: t("picked", { when: a.label }), state });
    dateRef.current?.focus();
  };
  const timeField = (name: "date" | "start" | "end" | "endDate", type: "date" | "time", hint?: string) => {
    const { id, error, ...aria } = describedBy(name, state, hint);
    return (
      <div>
        <label htmlFor={id} className="label">
          {labels[name]}
        </label>
        <FieldHint name={name}>{hint}</FieldHint>
        <input
          id={id}
          ref={name === "date" ? dateRef : undefined}
          name={name}
          type={type}
          value={when[name]}
          onChange={(e) => setWhen((w) => ({ ...w, [name]: e.target.value }))}
          className="input"
          required={name !== "endDate"}
          {...aria}
        />
        <FieldError name={name} error={error} />
      </div>
    );
  };

  return (
    <form action={action} className="space-y-4" noValidate aria-labelledby="request-title">
      <input type="hidden" name="resourceId" value={resourceId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <div className="grid gap-4 sm:grid-cols-3">
        {timeField("date", "date")}
        {timeField("start", "time")}
        {timeField("end", "time")}
      </div>
      <p className="text-sm text-slate-700">{t("polishTimeNote")}</p>
      {equipment ? (
        <div className="grid gap-4 sm:grid-cols-2">
          {timeField("endDate", "date", t("endDateHint"))}
          {quantity > 1 ? (
            <Field
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={quantity}
              label={t("quantity")}
              hint={t("quantityHint", { count: quantity })}
              defaultValue={prefill.units || "1"}
              state={state}
            />
          ) : null}
        </div>
      ) : null}
      <Field name="purpose" label={t("purpose")} hint={t("purposeHint")} required state={state} autoComplete="off" />
      <Field
        name="attendees"
        type="number"
        inputMode="numeric"
        min={1}
        label={t("attendees")}
        state={state}
        className="input sm:w-40"
      />
      <TextAreaField name="note" label={t("note")} hint={t("noteHint")} state={state} />

      <p className="flex items-start gap-2 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-slate-800">
        <InfoIcon className="mt-0.5 shrink-0" />
        <span>{instant ? t("instantNote") : t("approvalNote", { owner })}</span>
      </p>

      <div aria-live="polite" role="status">
        {state.status === "success" ? (
          <div
            className="rounded-md border border-green-300 bg-green-50 p-3 text-green-950"
            data-testid="request-success"
          >
            <p className="flex items-start gap-2 font-semibold">
              <CheckIcon className="mt-0.5 shrink-0" />
              {state.message}
            </p>
            <p className="mt-1">{String(state.data?.when ?? "")}</p>
            <p className="mt-2 flex flex-wrap items-center gap-2">
              {t("status")} <StatusBadge status={state.data?.bookingStatus as BookingStatus} />
            </p>
            <p className="mt-2">
              <Link href={`/bookings/${String(state.data?.bookingId)}`}>{t("seeBooking")}</Link>
            </p>
          </div>
        ) : null}
        {picked?.state === state ? <p className="text-slate-800">{picked.text}</p> : null}
      </div>
      <ErrorSummary state={state} labels={labels}>
        {violations.length ? (
          <ul className="mt-2 list-disc space-y-1 pl-8" data-testid="violations">
            {violations.map((v) => (
              <li key={v}>{tv.has(v) ? tv(v) : v}</li>
            ))}
          </ul>
        ) : null}
      </ErrorSummary>
      {alternatives.length ? (
        <div>
          <h3 className="font-semibold">{t("alternativesTitle")}</h3>
          <ul className="mt-2 flex flex-col gap-2 sm:flex-row sm:flex-wrap" data-testid="alternatives">
            {alternatives.map((a) => (
              <li key={a.label}>
                <button type="button" className="btn-secondary" onClick={() => choose(a)}>
                  {a.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SubmitButton pendingLabel={t("sending")}>{instant ? t("submitInstant") : t("submit")}</SubmitButton>
    </form>
  );
}
