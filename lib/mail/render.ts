import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";
import { type NoticeKind, type NoticeParams, noticeCategory } from "@/lib/notifications/kinds";
import { absoluteUrl } from "./config";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** `28 marca 2027, 08:00–10:00`, or both ends in full when it spans days; Europe/Warsaw. */
export function formatWhen(start: string | Date, end: string | Date | null | undefined, locale: Locale): string {
  const from = formatDateTime(new Date(start), locale);
  if (!end) return from;
  const to = formatDateTime(new Date(end), locale);
  const [fromDay, fromTime] = from.split(", ");
  const [toDay, toTime] = to.split(", ");
  return fromDay === toDay ? `${fromDay}, ${fromTime}–${toTime}` : `${from} – ${to}`;
}

/** The values a message is formatted with: the stored parameters plus `when` and `hasReason`. */
export function messageValues(params: NoticeParams, locale: Locale): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) values[k] = v ?? "";
  if (typeof params.start === "string") values.when = formatWhen(params.start, params.end as string | null, locale);
  values.hasReason = params.reason ? "yes" : "no";
  return values;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * An e-mail of `kind` in plain text and HTML. Every value is escaped in the HTML; the link (`params.link`, an app
 * path or an absolute URL) opens the right page.
 */
export function renderMail(kind: NoticeKind, params: NoticeParams, locale: Locale): RenderedMail {
  const t = translator(locale) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const values = messageValues(params, locale);
  const subject = t(`mail.${kind}.subject`, values);
  const body = t(`mail.${kind}.body`, values)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const link = typeof params.link === "string" && params.link ? params.link : null;
  const url = link ? (/^https?:\/\//.test(link) ? link : absoluteUrl(link)) : null;
  const action = url ? t(`mail.${kind}.action`, values) : null;
  const footer = [t("mail.footer")];
  if (noticeCategory[kind]) footer.push(t("mail.footerSettings", { url: absoluteUrl("/settings/notifications") }));

  const text = [
    t("mail.greeting"),
    "",
    ...body.flatMap((p) => [p, ""]),
    ...(url && action ? [`${action}: ${url}`, ""] : []),
    "-- ",
    ...footer,
    "",
  ].join("\n");

  const html = [
    "<!doctype html>",
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0f172a;max-width:40em">',
    `<p>${escapeHtml(t("mail.greeting"))}</p>`,
    ...body.map((p) => `<p>${escapeHtml(p)}</p>`),
    url && action
      ? `<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#155741;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(action)}</a></p><p style="font-size:14px;color:#334155">${escapeHtml(url)}</p>`
      : "",
    `<hr><p style="font-size:14px;color:#334155">${footer.map(escapeHtml).join("<br>")}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
