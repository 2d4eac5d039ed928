import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import type { Locale } from "@/lib/i18n/config";
import { renderMail } from "@/lib/mail/render";
import { type NoticeKind, type NoticeParams, noticeCategory } from "./kinds";

/** Who hears of it: the active members of some organisations, or the partnership's coordinators. */
export type Audience = { organisationIds: string[] } | { coordinators: true };

export interface Notice {
  kind: NoticeKind;
  audience: Audience;
  /** The person who caused it hears nothing of their own action. */
  exceptUserId?: string | null;
  bookingId?: string | null;
  /** The app path the notice opens. */
  link: string | null;
  params: NoticeParams;
}

const LOCALES: Locale[] = ["pl", "en"];
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

function audienceWhere(audience: Audience): SQL {
  if ("coordinators" in audience) {
    return sql`m.coordinator and m.organisation_id = (select id from organisations where is_leader)`;
  }
  if (audience.organisationIds.length === 0) return sql`false`;
  return sql`m.organisation_id in (${sql.join(
    audience.organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/**
 * The common table expressions that write one notice: its recipients (`<name>_r`), an in-app notification each
 * (`<name>_n`) and an e-mail each for those who did not turn its category off (`<name>_o`), rendered beforehand in
 * both languages and picked per recipient. Embedded in a use-case's own statement, they add no round trip.
 */
export function noticeCtes(notice: Notice, now: Date, name: string): SQL {
  const rendered = Object.fromEntries(
    LOCALES.map((l) => [l, renderMail(notice.kind, { ...notice.params, link: notice.link }, l)]),
  ) as Record<Locale, ReturnType<typeof renderMail>>;
  const pick = (field: "subject" | "text" | "html") =>
    sql`case when r.locale = 'en' then ${rendered.en[field]} else ${rendered.pl[field]} end`;
  const category = noticeCategory[notice.kind];
  const r = sql.raw(`${name}_r`);
  const n = sql.raw(`${name}_n`);
  const o = sql.raw(`${name}_o`);
  return sql`${r} as (
      select distinct on (u.id) u.id as user_id, u.email, u.locale, u.email_off, m.organisation_id
      from memberships m join users u on u.id = m.user_id
      where ${audienceWhere(notice.audience)} and not u.disabled
        and u.id is distinct from ${notice.exceptUserId ?? null}::uuid
      order by u.id, m.organisation_id
    ), ${n} as (
      insert into notifications (user_id, organisation_id, kind, booking_id, params, link, created_at)
      select r.user_id, r.organisation_id, ${notice.kind}, ${notice.bookingId ?? null}::uuid,
             ${JSON.stringify(notice.params)}::jsonb, ${notice.link}, ${ts(now)}
      from ${r} r
    ), ${o} as (
      insert into outbox_messages (user_id, to_address, kind, locale, subject, text_body, html_body, created_at, next_attempt_at)
      select r.user_id, r.email, ${notice.kind}, case when r.locale = 'en' then 'en' else 'pl' end,
             ${pick("subject")}, ${pick("text")}, ${pick("html")}, ${ts(now)}, ${ts(now)}
      from ${r} r
      where ${category}::text is null or not (${category}::text = any(r.email_off))
    )`;
}

/**
 * Writes notices (in-app and e-mail) in one statement; call it inside the transaction of the event that causes them,
 * so they exist exactly when the event does.
 */
export async function notify(tx: Db, notices: Notice[], now: Date): Promise<void> {
  for (let i = 0; i < notices.length; i += 40) {
    const chunk = notices.slice(i, i + 40);
    const ctes = chunk.map((notice, j) => noticeCtes(notice, now, `x${j}`));
    await tx.execute(sql`with ${sql.join(ctes, sql`, `)} select 1`);
  }
}

export interface DirectMail {
  to: string;
  userId?: string | null;
  kind: NoticeKind;
  locale: Locale;
  params: NoticeParams;
  /** Holds a one-time link: the bodies are blanked once sent. */
  sensitive?: boolean;
}

/** An e-mail to an address that may have no account yet (an applicant, an invitee, a password reset). */
export async function enqueueMail(tx: Db, mail: DirectMail, now: Date): Promise<void> {
  const { subject, text, html } = renderMail(mail.kind, mail.params, mail.locale);
  await tx.execute(sql`
    insert into outbox_messages (user_id, to_address, kind, locale, subject, text_body, html_body, sensitive, created_at, next_attempt_at)
    values (${mail.userId ?? null}::uuid, ${mail.to}, ${mail.kind}, ${mail.locale}, ${subject}, ${text}, ${html},
            ${mail.sensitive ?? false}, ${ts(now)}, ${ts(now)})`);
}
