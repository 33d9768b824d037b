import type { ReactNode } from "react";

import { RemovalMarkedText } from "@/app/_components/removal-marked-text";
import { photoThumbnailPath } from "@/app/desk/_components/photo-paths";
import type { BodyPhoto } from "@/lib/render/body-photo-line";
import { comparePhotos, paragraphPhoto, type PhotoEdit } from "@/lib/revisions/diff/body-photo-paragraphs";

import { Pair } from "./diff-pair";
import { TextFieldDiffView } from "./text-field-diff-view";

/*
 * Photos placed in the body, as a reviewer checks them in a comparison: the picture (a thumbnail from this
 * origin) with its caption, credit and alt text, never the raw ::photo line. The comparison stays Markdown
 * (lib/revisions/diff, as the API returns it); only this view reads a photo line as a photo.
 */

const fields = [
  ["caption", "Caption"],
  ["credit", "Credit"],
  ["alt", "Alt text"],
] as const;

function Thumb({ photoId }: { photoId: string }) {
  // eslint-disable-next-line @next/next/no-img-element -- a rendition on this origin, already sized
  return <img className="desk-diff-thumb" src={photoThumbnailPath(photoId)} alt="" width={160} />;
}

function Marked({ mark, children }: { mark: "ins" | "del" | undefined; children: ReactNode }) {
  if (mark === "ins") return <ins className="desk-ins">{children}</ins>;
  if (mark === "del") return <del className="desk-del">{children}</del>;
  return <>{children}</>;
}

/** One placed photo: its picture and every field, marked as added or removed when it is. */
export function BodyPhotoCard({ photo, mark }: { photo: BodyPhoto; mark?: "ins" | "del" }) {
  return (
    <figure className={`desk-diff-body-photo${mark ? ` desk-diff-body-photo-${mark}` : ""}`}>
      <Thumb photoId={photo.photoId} />
      <dl className="desk-diff-fields">
        {fields.map(([field, label]) => (
          <div key={field}>
            <dt>{label}</dt>
            <dd>
              {photo[field] ? (
                <Marked mark={mark}>
                  <RemovalMarkedText text={photo[field]} />
                </Marked>
              ) : (
                <span className="desk-muted">(none)</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

/**
 * A placed photo against the one now at its place: a different picture is always called out with both
 * thumbnails (its words may all be the same), then each field with the words that changed.
 */
function PhotoEditView({ edit, view }: { edit: PhotoEdit; view: "inline" | "side" }) {
  return (
    <div className="desk-diff-body-photo-edit">
      {edit.replaced ? (
        <>
          <p className="desk-diff-photo-text">
            <strong>Different photo</strong>
          </p>
          <div className="desk-diff-photo-pair">
            <figure className="desk-diff-photo-before">
              <Thumb photoId={edit.from.photoId} />
              <figcaption>Before</figcaption>
            </figure>
            <figure className="desk-diff-photo-after">
              <Thumb photoId={edit.to.photoId} />
              <figcaption>After</figcaption>
            </figure>
          </div>
        </>
      ) : (
        <Thumb photoId={edit.to.photoId} />
      )}
      <dl className="desk-diff-fields">
        {fields.map(([field, label]) => (
          <div key={field}>
            <dt>
              {label}
              {edit[field].changed ? " (edited)" : ""}
            </dt>
            <dd>
              <TextFieldDiffView diff={edit[field]} view={view} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** A paragraph, or the photo it places. */
export function ParagraphOrPhoto({ text, mark }: { text: string; mark?: "ins" | "del" }) {
  const photo = paragraphPhoto(text);
  if (photo) return <BodyPhotoCard photo={photo} mark={mark} />;
  return (
    <p>
      <Marked mark={mark}>
        <RemovalMarkedText text={text} />
      </Marked>
    </p>
  );
}

/**
 * An older text against a newer one where either is a photo line (an empty side: nothing there): two photos
 * field by field, else what was there and what is there now.
 */
export function PhotoChange({ from, to, view }: { from: string; to: string; view: "inline" | "side" }) {
  const [before, after] = [paragraphPhoto(from), paragraphPhoto(to)];
  if (before && after) return <PhotoEditView edit={comparePhotos(before, after)} view={view} />;
  if (!from) return <ParagraphOrPhoto text={to} mark="ins" />;
  if (!to) return <ParagraphOrPhoto text={from} mark="del" />;
  return (
    <Pair from={<ParagraphOrPhoto text={from} mark="del" />} to={<ParagraphOrPhoto text={to} mark="ins" />} />
  );
}

/** How a change with a photo line on either side is labelled: "Photo ¶ 3 replaced", "Edited photo ¶ 3". */
export function photoChangeLabel(options: { from: string; to: string; at: string }): string {
  const [before, after] = [paragraphPhoto(options.from), paragraphPhoto(options.to)];
  if (before && after)
    return before.photoId === after.photoId
      ? `✎ Edited photo ${options.at}`
      : `⇄ Photo ${options.at} replaced by a different photo`;
  return before ? `✎ Photo ${options.at} replaced by text` : `✎ ${options.at} replaced by a photo`;
}
