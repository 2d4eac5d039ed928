/**
 * Mail settings from the environment. `SMTP_URL` unset (the embedded default) means nothing leaves: messages stay in
 * the outbox, readable by the coordinator on the development outbox page.
 */
export interface MailConfig {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; null = no sending. */
  smtpUrl: string | null;
  /** The sender, e.g. `Współdzielnia <powiadomienia@example.pl>`. */
  from: string;
  /** The public address links in e-mails point to, without a trailing slash. */
  appUrl: string;
  /** The right-hand side of Message-IDs. */
  domain: string;
}

export function mailConfig(env: Record<string, string | undefined> = process.env): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new Error("SMTP_URL must start with smtp:// or smtps://");
  const appUrl = (env.APP_URL?.trim() || env.AUTH_URL?.trim() || "http://localhost:3000").replace(/\/+$/, "");
  const from = env.MAIL_FROM?.trim() || "Współdzielnia <powiadomienia@wspoldzielnia.invalid>";
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "wspoldzielnia.invalid";
  return { smtpUrl, from, appUrl, domain };
}

/** Whether messages leave through SMTP; without it the development outbox page shows them instead. */
export const mailSendingConfigured = () => mailConfig().smtpUrl !== null;

/** The absolute URL of an app path, for links in e-mails. */
export const absoluteUrl = (path: string) => `${mailConfig().appUrl}${path}`;
