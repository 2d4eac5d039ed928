import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { Flash } from "@/app/_components/flash";
import { InfoIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/page-header";
import type { CandidateView } from "@/app/_components/volunteer-checklist";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatDateTime, formatTimeRange } from "@/lib/i18n/format";
import { getNeed } from "@/lib/needs/get-need";
import { EngagementList } from "../../engagements/_components/engagement-list";
import { VolunteerCardView } from "../../engagements/_components/volunteer-card";
import { NeedStatusBadge, SkillTags } from "../_components/need-badges";
import { gateSentences } from "../_lib/volunteer-errors";
import { AnswerForm, CancelNeedForm, DecideAnswerForm, WithdrawAnswerForm } from "./need-forms";

async function load(id: string) {
  const actor = await requireActor();
  const db = await getDb();
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return { actor, data: await getNeed(db, actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: PageProps<"/needs/[id]">): Promise<Metadata> {
  const { data } = await load((await params).id);
  return { title: data.need.title };
}

const DONE = [
  "posted",
  "answered",
  "accepted",
  "declined",
  "withdrawn",
  "cancelled",
  "hours_recorded",
  "hours_confirmed",
  "hours_disputed",
  "engagement_cancelled",
] as const;

const factRow = "py-2 sm:grid sm:grid-cols-[13rem_1fr] sm:gap-x-6";
const factLabel = "text-sm font-medium text-slate-700 sm:text-base";

export default async function NeedPage({ params, searchParams }: PageProps<"/needs/[id]">) {
  const { actor, data } = await load((await params).id);
  const { need, requirement, isPoster, answerable, answers, candidates, engagements, accepted } = data;
  const t = await getTranslations("needs");
  const te = await getTranslations("engagements");
  const locale = (await getLocale()) as Locale;
  const sp = await searchParams;
  const done = DONE.find((d) => d === sp.done);
  const now = new Date();
  const mayManage = can(actor, "needs.manage");
  const path = `/needs/${need.id}`;
  const retrospective = need.createdAt > need.start;

  const candidateViews: CandidateView[] = candidates
    ? await Promise.all(
        candidates.map(async (c) => ({
          id: c.card.id,
          label: c.card.contact ? `${c.card.firstName} ${c.card.contact.lastName}`.trim() : c.card.firstName,
          skills: c.card.skills.join(", "),
          reasons: [
            ...(await gateSentences(c.card.firstName, c.problems)),
            ...(c.busy ? [t("gates.busy", { name: c.card.firstName })] : []),
          ],
        })),
      )
    : [];
  const ownAnswer = isPoster ? null : (answers.find((a) => a.status === "offered" || a.status === "accepted") ?? null);

  return (
    <>
      <p className="mb-2">
        <Link href="/needs" className="inline-flex min-h-11 items-center">
          <span aria-hidden="true">←&nbsp;</span>
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={need.title}
        description={
          <>
            {isPoster ? t("postedByUs") : need.organisationName} ·{" "}
            <time dateTime={need.start.toISOString()}>
              {formatDate(need.start, locale)}, {formatTimeRange(need.start, need.end)}
            </time>{" "}
            {t("polishTime")}
          </>
        }
      />
      <div role="status" aria-live="polite">
        {done ? (
          <Flash key={done}>
            <p>
              {done === "posted"
                ? t("done.posted", { count: Number(sp.notified) || 0 })
                : done.startsWith("hours") || done === "engagement_cancelled"
                  ? te(`done.${done}`)
                  : t(`done.${done}`)}
            </p>
          </Flash>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="need-facts" className="card lg:col-span-2">
          <h2 id="need-facts" className="text-xl font-semibold">
            {t("factsTitle")}
          </h2>
          <div className="mt-2 flex flex-wrap items-center gap-2" data-testid="need-status">
            <NeedStatusBadge status={need.status} />
            <span>{t("acceptedOf", { accepted, count: need.volunteersNeeded })}</span>
          </div>
          <dl className="mt-2 divide-y divide-slate-100">
            <div className={factRow}>
              <dt className={factLabel}>{t("whoPosted")}</dt>
              <dd>
                <Link href={`/partners/${need.organisationSlug}`}>{need.organisationName}</Link>
              </dd>
            </div>
            <div className={factRow}>
              <dt className={factLabel}>{t("where")}</dt>
              <dd>{need.location || t("notGiven")}</dd>
            </div>
            <div className={factRow}>
              <dt className={factLabel}>{t("what")}</dt>
              <dd className="whitespace-pre-line">{need.description || t("notGiven")}</dd>
            </div>
            <div className={factRow}>
              <dt className={factLabel}>{t("skillsLabel")}</dt>
              <dd>
                <SkillTags skills={requirement.skills} />
              </dd>
            </div>
            <div className={factRow}>
              <dt className={factLabel}>{t("childrenCheckTitle")}</dt>
              <dd>{need.childrenCheckRequired ? t("childrenCheckRequired") : t("childrenCheckNotRequired")}</dd>
            </div>
            {retrospective && answerable ? (
              <div className={factRow}>
                <dt className={factLabel}>{t("openUntil")}</dt>
                <dd>
                  {formatDateTime(need.closesAt, locale)}{" "}
                  <span className="text-slate-700">({t("retrospectiveHint")})</span>
                </dd>
              </div>
            ) : null}
          </dl>
        </section>

        <section aria-labelledby="need-actions" className="card space-y-4 self-start">
          <h2 id="need-actions" className="text-xl font-semibold">
            {t("actionsTitle")}
          </h2>
          {isPoster && mayManage && (need.status === "open" || need.status === "filled") ? (
            <CancelNeedForm needId={need.id} />
          ) : null}
          {!isPoster && ownAnswer ? (
            <div className="space-y-2" data-testid="own-answer">
              <p>{t(`ownAnswer.${ownAnswer.status}`)}</p>
              <ul className="space-y-2">
                {ownAnswer.volunteers.map((v) => (
                  <li key={v.id}>
                    <VolunteerCardView card={v} />
                  </li>
                ))}
              </ul>
              {ownAnswer.status === "offered" && mayManage ? (
                <WithdrawAnswerForm needId={need.id} answerId={ownAnswer.id} />
              ) : null}
            </div>
          ) : null}
          {!isPoster && !ownAnswer && candidates ? (
            candidateViews.length > 0 ? (
              <AnswerForm needId={need.id} candidates={candidateViews} />
            ) : (
              <EmptyState title={t("noVolunteers")}>
                {t("noVolunteersHint")} <Link href="/volunteers">{t("volunteersLink")}</Link>
              </EmptyState>
            )
          ) : null}
          {!isPoster && !ownAnswer && !candidates ? (
            <p className="flex items-start gap-2 text-slate-800">
              <InfoIcon className="mt-0.5 shrink-0" />
              {answerable ? t("cannotAnswer") : t("notAnswerable")}
            </p>
          ) : null}
          {isPoster && !(need.status === "open" || need.status === "filled") ? (
            <p className="text-slate-800">{t("nothingToDo")}</p>
          ) : null}
        </section>

        {isPoster ? (
          <section aria-labelledby="need-answers" className="card lg:col-span-2">
            <h2 id="need-answers" className="text-xl font-semibold">
              {t("answersTitle")}
            </h2>
            {answers.length === 0 ? (
              <EmptyState title={t("noAnswers")}>{t("noAnswersHint")}</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-200" data-testid="answers">
                {answers.map((a) => (
                  <li key={a.id} className="grid gap-3 py-3 md:grid-cols-[1fr_18rem]" data-testid={`answer-${a.id}`}>
                    <div className="space-y-2">
                      <p className="font-semibold">
                        {a.organisationName}{" "}
                        <span className="font-normal text-slate-700">· {t(`answerStatus.${a.status}`)}</span>
                      </p>
                      {a.note ? <p className="whitespace-pre-line">{a.note}</p> : null}
                      <ul className="space-y-2">
                        {a.volunteers.map((v) => (
                          <li key={v.id}>
                            <VolunteerCardView card={v} />
                          </li>
                        ))}
                      </ul>
                      {a.status === "offered" ? (
                        <p className="text-sm text-slate-700">{t("contactAfterAccept")}</p>
                      ) : null}
                      {a.decisionNote ? (
                        <p className="text-sm text-slate-700">{t("decisionNote", { note: a.decisionNote })}</p>
                      ) : null}
                    </div>
                    <div>
                      {a.status === "offered" && answerable && mayManage ? (
                        <DecideAnswerForm needId={need.id} answerId={a.id} organisation={a.organisationName} />
                      ) : null}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}

        {engagements.length > 0 ? (
          <section aria-labelledby="need-engagements" className="card lg:col-span-2">
            <h2 id="need-engagements" className="text-xl font-semibold">
              {t("engagementsTitle")}
            </h2>
            <p className="text-sm text-slate-700">{t("engagementsHint")}</p>
            <EngagementList rows={engagements} actor={actor} now={now} returnTo={path} showTitle={false} />
          </section>
        ) : null}
      </div>
    </>
  );
}
