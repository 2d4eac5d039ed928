"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useEffect, useRef, useState } from "react";
import { ErrorSummary } from "@/app/_components/form-fields";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { RevokeOnce } from "@/app/_components/revoke-once";
import { type FormState, initialFormState } from "@/app/_lib/form-state";
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_RESOURCE, PHOTO_TYPES } from "@/lib/domain/photo-file";
import { addPhotoAction, removePhotoAction } from "../../photo-actions";

export interface PhotoItem {
  id: string;
  url: string;
  alt: string;
}

const MAX_MB = MAX_PHOTO_BYTES / (1024 * 1024);

/**
 * The owner's photos of a resource on its edit page: the list (each with its text alternative and a remove button
 * that asks once), an empty state, and the upload form (a file and its description). The outcome of an upload or a
 * removal is announced from here, outside the form and the list, because either may be gone once the action is
 * done: the removed photo's row with the button that was pressed, the form after the upload that fills the last
 * place. In those two cases the message also takes the focus (like `Flash`), so a keyboard or screen reader user
 * does not start again at the top of the page.
 */
export function PhotoManager({ resourceId, photos }: { resourceId: string; photos: PhotoItem[] }) {
  const t = useTranslations("photos.manage");
  const [addState, add] = useActionState(addPhotoAction, initialFormState);
  const [removeState, remove] = useActionState(removePhotoAction, initialFormState);
  const full = photos.length >= MAX_PHOTOS_PER_RESOURCE;
  const added = addState.status === "success" ? addState : initialFormState;
  const addedRef = useRef<HTMLDivElement>(null);
  const removedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (removeState.status === "success") removedRef.current?.focus();
  }, [removeState]);
  useEffect(() => {
    if (addState.status === "success" && full) addedRef.current?.focus();
  }, [addState, full]);
  return (
    <div className="space-y-6">
      <p className="font-medium">{t("count", { count: photos.length, max: MAX_PHOTOS_PER_RESOURCE })}</p>
      {photos.length === 0 ? (
        <div className="rounded-md border border-dashed border-slate-400 p-4">
          <p className="font-medium">{t("empty")}</p>
          <p className="text-slate-700">{t("emptyHint")}</p>
        </div>
      ) : (
        <ul aria-label={t("listLabel")} className="grid gap-4 sm:grid-cols-2" data-testid="photo-list">
          {photos.map((photo, index) => (
            <li key={photo.id} className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
              {/* The description is the text beside it, so the thumbnail itself is not announced twice. */}
              {/* biome-ignore lint/performance/noImgElement: served by our own authorized route; the image optimizer would fetch it without the session */}
              <img
                src={photo.url}
                alt=""
                loading="lazy"
                className="aspect-[4/3] w-full rounded object-cover"
                width={400}
                height={300}
              />
              <p>
                <span className="block text-sm text-slate-700">{t("position", { position: index + 1 })}</span>
                {photo.alt}
              </p>
              <RevokeOnce
                action={remove}
                field="photoId"
                id={photo.id}
                labels={{
                  trigger: t("remove"),
                  triggerFor: t("removeFor", { alt: photo.alt }),
                  question: t("confirmRemove", { alt: photo.alt }),
                  yes: t("confirmYes"),
                  no: t("confirmNo"),
                  pending: t("removing"),
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <div ref={removedRef} tabIndex={-1} data-testid="photo-removed">
        <FormMessage state={removeState} />
      </div>
      {full ? (
        <p className="rounded-md border border-slate-400 bg-slate-100 px-3 py-2">
          {t("full", { max: MAX_PHOTOS_PER_RESOURCE })}
        </p>
      ) : (
        <UploadForm resourceId={resourceId} serverState={addState} action={add} />
      )}
      <div ref={addedRef} tabIndex={-1} data-testid="photo-added">
        <FormMessage state={added} />
      </div>
    </div>
  );
}

function UploadForm({
  resourceId,
  serverState,
  action,
}: {
  resourceId: string;
  serverState: FormState;
  action: (formData: FormData) => void;
}) {
  const t = useTranslations("photos.manage");
  // A file over the limit is refused here, before it is sent: the server would refuse the body without an answer
  // the form could show.
  const [tooBig, setTooBig] = useState<FormState | null>(null);
  const state = tooBig ?? serverState;
  const labels = { file: t("file"), alt: t("alt") };

  function checkSize(event: FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get("file");
    if (file instanceof File && file.size > MAX_PHOTO_BYTES) {
      event.preventDefault();
      setTooBig({
        status: "error",
        message: t("checkFields"),
        fieldErrors: { file: t("tooBigHere", { size: file.size / (1024 * 1024), maxMb: MAX_MB }) },
        values: { alt: String(new FormData(event.currentTarget).get("alt") ?? "") },
      });
    } else {
      setTooBig(null);
    }
  }

  return (
    <form
      action={action}
      onSubmit={checkSize}
      className="space-y-4 rounded-md border border-slate-300 p-4"
      noValidate
      data-testid="photo-upload"
    >
      <h3 className="text-lg font-semibold">{t("addTitle")}</h3>
      <input type="hidden" name="resourceId" value={resourceId} />
      <Field
        name="file"
        type="file"
        label={t("file")}
        hint={t("fileHint", { maxMb: MAX_MB })}
        accept={PHOTO_TYPES.join(",")}
        required
        state={state}
      />
      <Field name="alt" label={t("alt")} hint={t("altHint")} maxLength={200} required state={state} />
      <ErrorSummary state={state} labels={labels} />
      <SubmitButton pendingLabel={t("adding")}>{t("add")}</SubmitButton>
    </form>
  );
}
