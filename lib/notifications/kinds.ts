/**
 * Every kind of notice, and the e-mail category a person can turn off for it (`null`: always sent, because it
 * concerns the account itself or its organisation's membership).
 */
export const noticeCategory = {
  booking_request: "requests",
  booking_created: "requests",
  series_request: "requests",
  booking_approved: "decisions",
  booking_declined: "decisions",
  booking_cancelled: "decisions",
  series_cancelled: "decisions",
  booking_expired: "decisions",
  booking_cancelled_partner: "decisions",
  reminder_start: "reminders",
  reminder_pending: "reminders",
  reminder_return: "reminders",
  need_match: "partnership",
  need_answered: "requests",
  answer_accepted: "decisions",
  answer_declined: "decisions",
  need_cancelled: "decisions",
  engagement_assigned: "decisions",
  engagement_cancelled: "decisions",
  hours_recorded: "requests",
  hours_confirmed: "decisions",
  hours_disputed: "decisions",
  application_received: "partnership",
  application_confirmation: null,
  application_rejected: null,
  invitation: null,
  password_reset: null,
  partner_suspended: null,
  partner_reinstated: null,
  partner_left: null,
} as const;

export type NoticeKind = keyof typeof noticeCategory;
export type EmailCategory = Exclude<(typeof noticeCategory)[NoticeKind], null>;
export const emailCategories = ["requests", "decisions", "reminders", "partnership"] as const satisfies EmailCategory[];

/** Values a notice is rendered from; dates are ISO strings so they survive JSON and are formatted per reader. */
export type NoticeParams = Record<string, string | number | null>;
