"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { describedBy, FieldError } from "@/app/_components/form-fields";
import { PlusIcon, TrashIcon } from "@/app/_components/resource-icons";
import type { FormState } from "@/app/_lib/form-state";
import { WEEKDAY_KEYS } from "../_lib/local-time";
import { type HoursByDay, hourField, WEEKDAYS } from "../_lib/resource-form-input";

type Row = { key: number; start: string; end: string };
type Days = Record<number, Row[]>;

/**
 * Weekly opening hours: several intervals a day, added and removed with buttons; "24:00" ends a day. Ticking
 * "always available" sends no hours. The rows are the editor's own state, so a failed save keeps them.
 */
export function OpeningHoursEditor({
  initial,
  initialAlwaysOpen,
  state,
}: {
  initial: HoursByDay;
  initialAlwaysOpen: boolean;
  state: FormState;
}) {
  const t = useTranslations("resourceForm");
  const tw = useTranslations("weekdayNames");
  const next = useRef(0);
  const toRows = (list: { start: string; end: string }[] = []) => list.map((r) => ({ key: next.current++, ...r }));
  const [days, setDays] = useState<Days>(() => Object.fromEntries(WEEKDAYS.map((d) => [d, toRows(initial[d])])));
  const [alwaysOpen, setAlwaysOpen] = useState(initialAlwaysOpen);
  const [announcement, setAnnouncement] = useState("");
  const hintId = useId();
  const groupError = state.fieldErrors?.openingHours;

  const dayName = (d: number) => tw(WEEKDAY_KEYS[d - 1]);
  const update = (d: number, rows: Row[]) => setDays((all) => ({ ...all, [d]: rows }));
  const add = (d: number) => {
    const rows = days[d];
    const last = rows.at(-1);
    update(d, [...rows, { key: next.current++, start: last ? last.end : "08:00", end: last ? "" : "16:00" }]);
    setAnnouncement(t("intervalAdded", { day: dayName(d) }));
  };
  const remove = (d: number, key: number) => {
    update(
      d,
      days[d].filter((r) => r.key !== key),
    );
    setAnnouncement(t("intervalRemoved", { day: dayName(d) }));
  };
  const change = (d: number, key: number, edge: "start" | "end", value: string) =>
    update(
      d,
      days[d].map((r) => (r.key === key ? { ...r, [edge]: value } : r)),
    );
  const copyMonday = () => {
    setDays((all) => {
      const copy = { ...all };
      for (const d of [2, 3, 4, 5]) copy[d] = all[1].map((r) => ({ ...r, key: next.current++ }));
      return copy;
    });
    setAnnouncement(t("copiedMonday"));
  };

  return (
    <fieldset className="space-y-4" aria-describedby={hintId}>
      <legend className="text-xl font-semibold">{t("hoursTitle")}</legend>
      <p id={hintId} className="text-sm text-slate-700">
        {t("hoursHint")}
      </p>
      <label htmlFor="field-alwaysOpen" className="flex min-h-11 cursor-pointer items-center gap-3">
        <input
          id="field-alwaysOpen"
          name="alwaysOpen"
          type="checkbox"
          // Uncontrolled with a default that follows the state, so the reset after a save keeps the tick.
          defaultChecked={alwaysOpen}
          onChange={(e) => setAlwaysOpen(e.target.checked)}
          className="h-5 w-5 accent-brand-700"
        />
        <span className="font-medium">{t("alwaysOpen")}</span>
      </label>
      <div id="field-openingHours" tabIndex={-1}>
        <FieldError name="openingHours" error={groupError} />
      </div>
      {alwaysOpen ? (
        <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-slate-800">{t("alwaysOpenNote")}</p>
      ) : (
        <>
          <button type="button" className="btn-secondary" onClick={copyMonday} disabled={days[1].length === 0}>
            {t("copyMonday")}
          </button>
          <div className="divide-y divide-slate-200 rounded-md border border-slate-300">
            {WEEKDAYS.map((d) => (
              <fieldset key={d} className="p-3 sm:flex sm:gap-3">
                {/* A floated legend takes part in the layout: the day's name stands left of its intervals. */}
                <legend className="float-left mb-2 w-full font-medium sm:mb-0 sm:w-32 sm:shrink-0 sm:pt-1">
                  {dayName(d)}
                </legend>
                <div className="clear-left flex-1 space-y-2 sm:clear-none">
                  {days[d].length === 0 ? <p className="pt-2 text-slate-700">{t("closedDay")}</p> : null}
                  {days[d].map((row, index) => (
                    <IntervalRow
                      key={row.key}
                      weekday={d}
                      index={index}
                      row={row}
                      state={state}
                      dayName={dayName(d)}
                      onChange={(edge, value) => change(d, row.key, edge, value)}
                      onRemove={() => remove(d, row.key)}
                    />
                  ))}
                  <button type="button" className="btn-secondary" onClick={() => add(d)}>
                    <PlusIcon />
                    <span aria-hidden="true">{t("addInterval")}</span>
                    <span className="sr-only">{t("addIntervalFor", { day: dayName(d) })}</span>
                  </button>
                </div>
              </fieldset>
            ))}
          </div>
        </>
      )}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}

function IntervalRow({
  weekday,
  index,
  row,
  state,
  dayName,
  onChange,
  onRemove,
}: {
  weekday: number;
  index: number;
  row: Row;
  state: FormState;
  dayName: string;
  onChange: (edge: "start" | "end", value: string) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("resourceForm");
  const edges = (["start", "end"] as const).map((edge) => {
    const name = hourField(weekday, index, edge);
    return { edge, name, ...describedBy(name, state) };
  });
  return (
    <div className="flex flex-wrap items-end gap-2">
      {edges.map(({ edge, name, id, error, ...aria }) => (
        <div key={edge}>
          <label htmlFor={id} className="mb-1 block text-sm font-medium">
            <span className="sr-only">{t("intervalOf", { day: dayName, number: index + 1 })} </span>
            {edge === "start" ? t("from") : t("to")}
          </label>
          <input
            id={id}
            name={name}
            value={row[edge]}
            onChange={(e) => onChange(edge, e.target.value)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            size={5}
            className="input w-20 tabular-nums sm:w-24"
            {...aria}
          />
          <FieldError name={name} error={error} />
        </div>
      ))}
      <button type="button" className="btn-secondary" onClick={onRemove}>
        <TrashIcon />
        <span className="sr-only">
          {t("removeInterval", { day: dayName, number: index + 1, from: row.start, to: row.end })}
        </span>
        <span aria-hidden="true" className="hidden sm:inline">
          {t("remove")}
        </span>
      </button>
    </div>
  );
}
