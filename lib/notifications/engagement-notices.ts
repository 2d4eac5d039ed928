import type { NoticeKind } from "./kinds";
import type { Notice } from "./notify";

export interface EngagementNoticeInput {
  /** The organisation whose members hear of it. */
  to: string;
  exceptUserId?: string | null;
  /** What the work is (the offer's or the need's title). */
  title: string;
  /** The other side, named in the message. */
  counterpart: string;
  start: Date;
  end: Date;
  count?: number;
  hours?: number | null;
  reason?: string | null;
  link: string;
}

/**
 * A notice about volunteer work: a need answered or decided, volunteers assigned, hours recorded, confirmed or
 * disputed. Parameters never hold a volunteer's personal data (the counts and the title only), because the
 * recipient may not be entitled to it and notifications outlive an erasure.
 */
export function engagementNotice(kind: NoticeKind, input: EngagementNoticeInput): Notice {
  return {
    kind,
    audience: { organisationIds: [input.to] },
    exceptUserId: input.exceptUserId ?? null,
    link: input.link,
    params: {
      title: input.title,
      organisation: input.counterpart,
      start: input.start.toISOString(),
      end: input.end.toISOString(),
      reason: input.reason ?? null,
      ...(input.count === undefined ? {} : { count: input.count }),
      ...(input.hours === undefined || input.hours === null ? {} : { hours: input.hours }),
    },
  };
}
