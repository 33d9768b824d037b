import { RemovalMarkedText } from "@/app/_components/removal-marked-text";
import { creditRoleLabels } from "@/app/desk/_components/editor-draft";
import { photoThumbnailPath } from "@/app/desk/_components/photo-paths";
import type { CreditsDiff, ImagesDiff } from "@/lib/revisions/diff/content-diff-types";
import type { StoryImage } from "@/lib/revisions/revision-content";

import { TextFieldDiffView } from "./text-field-diff-view";

function Thumb({ image }: { image: Pick<StoryImage, "photoId" | "url"> }) {
  // Library photos show as thumbnails from this origin; older images by URL stay text (the desk loads no
  // other host).
  if (!image.photoId) return <span className="desk-mono">{image.url}</span>;
  // eslint-disable-next-line @next/next/no-img-element -- a rendition on this origin, already sized
  return <img className="desk-diff-thumb" src={photoThumbnailPath(image.photoId)} alt="" width={160} />;
}

function ChangedText({ label, before, after }: { label: string; before: string; after: string }) {
  if (before === after)
    return (
      <p className="desk-diff-photo-text">
        <span className="desk-muted">{label}:</span> {after ? <RemovalMarkedText text={after} /> : "—"}
      </p>
    );
  return (
    <p className="desk-diff-photo-text">
      <span className="desk-muted">{label}:</span>{" "}
      {before ? (
        <del className="desk-del">
          <RemovalMarkedText text={before} />
        </del>
      ) : null}{" "}
      {after ? (
        <ins className="desk-ins">
          <RemovalMarkedText text={after} />
        </ins>
      ) : null}
    </p>
  );
}

type Entry = ImagesDiff["entries"][number];
type Added = Extract<Entry, { status: "added" }>;

/** A photo removed and another added at the same place: one photo replaced by another, shown side by side. */
function replacements(entries: readonly Entry[]): Map<Entry, Added> {
  const pairs = new Map<Entry, Added>();
  for (const removed of entries) {
    if (removed.status !== "removed") continue;
    const added = entries.find(
      (entry): entry is Added =>
        entry.status === "added" &&
        entry.toIndex === removed.fromIndex &&
        ![...pairs.values()].includes(entry),
    );
    if (added) pairs.set(removed, added);
  }
  return pairs;
}

/**
 * Image changes: replaced photos side by side, added, removed, moved, and caption/credit/alt edits of images
 * kept.
 */
export function ImagesDiffView({ diff, view }: { diff: ImagesDiff; view: "inline" | "side" }) {
  const pairs = replacements(diff.entries);
  const paired = new Set(pairs.values());
  return (
    <ul className="desk-diff-list">
      {diff.entries.map((entry, index) => {
        const after = entry.status === "removed" ? pairs.get(entry) : undefined;
        if (entry.status === "removed" && after) {
          return (
            <li key={index} className="desk-diff-photo-swap">
              <strong>Photo {after.toIndex + 1} replaced:</strong>
              <div className="desk-diff-photo-pair">
                <figure className="desk-diff-photo-before">
                  <Thumb image={entry.image} />
                  <figcaption>Before</figcaption>
                </figure>
                <figure className="desk-diff-photo-after">
                  <Thumb image={after.image} />
                  <figcaption>After</figcaption>
                </figure>
              </div>
              <ChangedText label="Caption" before={entry.image.caption} after={after.image.caption} />
              <ChangedText label="Credit" before={entry.image.credit} after={after.image.credit} />
              <ChangedText label="Alt text" before={entry.image.alt} after={after.image.alt} />
            </li>
          );
        }
        if (entry.status === "added" && paired.has(entry)) return null;
        if (entry.status === "added")
          return (
            <li key={index} className="desk-diff-list-added">
              <strong>+ Added image {entry.toIndex + 1}:</strong> <Thumb image={entry.image} />
              {entry.image.caption ? (
                <>
                  {" "}
                  — <RemovalMarkedText text={entry.image.caption} />
                </>
              ) : null}
              {entry.image.credit ? (
                <span className="desk-muted">
                  {" "}
                  (<RemovalMarkedText text={entry.image.credit} />)
                </span>
              ) : null}
            </li>
          );
        if (entry.status === "removed")
          return (
            <li key={index} className="desk-diff-list-removed">
              <strong>− Removed image (was {entry.fromIndex + 1}):</strong>{" "}
              {entry.image.photoId ? (
                <Thumb image={entry.image} />
              ) : (
                <del className="desk-del">{entry.image.url}</del>
              )}
              {entry.image.caption ? (
                <>
                  {" "}
                  — <RemovalMarkedText text={entry.image.caption} />
                </>
              ) : null}
            </li>
          );
        if (!entry.changed && !entry.moved) return null;
        return (
          <li key={index}>
            <strong>
              Image {entry.toIndex + 1}
              {entry.moved ? ` (moved from position ${entry.fromIndex + 1})` : ""}:
            </strong>{" "}
            {entry.photoId ? (
              <Thumb image={{ photoId: entry.photoId, url: entry.url }} />
            ) : (
              <span className="desk-mono desk-muted">{entry.url}</span>
            )}
            <dl className="desk-diff-fields">
              {(["caption", "credit", "alt"] as const).map((field) =>
                entry[field].changed ? (
                  <div key={field}>
                    <dt>{field === "alt" ? "Alt text" : field === "caption" ? "Caption" : "Credit"}</dt>
                    <dd>
                      <TextFieldDiffView diff={entry[field]} view={view} />
                    </dd>
                  </div>
                ) : null,
              )}
            </dl>
          </li>
        );
      })}
      {diff.reordered ? <li className="desk-muted">The order of the images changed.</li> : null}
    </ul>
  );
}

/** Credit changes: who was added or removed, role or place changes, and reordering. */
export function CreditsDiffView({ diff }: { diff: CreditsDiff }) {
  return (
    <ul className="desk-diff-list">
      {diff.entries.map((entry, index) => {
        if (entry.status === "added")
          return (
            <li key={index} className="desk-diff-list-added">
              <strong>+ Credited:</strong>{" "}
              <ins className="desk-ins">
                <RemovalMarkedText text={entry.credit.name} />
              </ins>{" "}
              — {creditRoleLabels[entry.credit.role]}
              {entry.credit.location ? <RemovalMarkedText text={`, ${entry.credit.location}`} /> : ""}
            </li>
          );
        if (entry.status === "removed")
          return (
            <li key={index} className="desk-diff-list-removed">
              <strong>− No longer credited:</strong>{" "}
              <del className="desk-del">
                <RemovalMarkedText text={entry.credit.name} />
              </del>{" "}
              — {creditRoleLabels[entry.credit.role]}
            </li>
          );
        if (!entry.changed && !entry.moved) return null;
        return (
          <li key={index}>
            <strong>
              <RemovalMarkedText text={entry.name} />:
            </strong>{" "}
            {entry.role.changed ? (
              <>
                role <del className="desk-del">{creditRoleLabels[entry.role.from]}</del> →{" "}
                <ins className="desk-ins">{creditRoleLabels[entry.role.to]}</ins>{" "}
              </>
            ) : null}
            {entry.location.changed ? (
              <>
                place{" "}
                <del className="desk-del">
                  <RemovalMarkedText text={entry.location.from ?? "(none)"} />
                </del>{" "}
                →{" "}
                <ins className="desk-ins">
                  <RemovalMarkedText text={entry.location.to ?? "(none)"} />
                </ins>{" "}
              </>
            ) : null}
            {entry.moved ? `moved from position ${entry.fromIndex + 1} to ${entry.toIndex + 1}` : null}
          </li>
        );
      })}
      {diff.reordered ? <li className="desk-muted">The order of the credits changed.</li> : null}
    </ul>
  );
}
