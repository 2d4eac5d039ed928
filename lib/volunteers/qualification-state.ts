import { addLocalDays } from "@/lib/domain/wall-clock";

export type QualificationState = "valid" | "expiring" | "expired" | "no_expiry";

/** Days before the expiry date from which a qualification is shown as expiring soon. */
export const EXPIRING_DAYS = 30;

/**
 * The state of a qualification on a local date: valid through its `validUntil` day inclusive, expiring within the
 * last 30 days, expired from the day after; without a date it does not expire. Pure: `today` is an argument.
 */
export function qualificationState(validUntil: string | null, today: string): QualificationState {
  if (validUntil === null) return "no_expiry";
  if (validUntil < today) return "expired";
  if (validUntil <= addLocalDays(today, EXPIRING_DAYS)) return "expiring";
  return "valid";
}

/** Hours as the database keeps them (numeric text) → a number; null stays null. */
export const hoursOf = (value: string | null): number | null => (value === null ? null : Number(value));

/** Sum of hours without floating noise: quarters of an hour add up exactly in hundredths. */
export const sumHours = (values: readonly (number | null)[]): number =>
  Math.round(values.reduce<number>((s, v) => s + Math.round((v ?? 0) * 100), 0)) / 100;
