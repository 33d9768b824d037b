import { photoThumbnailPath } from "@/app/desk/_components/photo-paths";
import type { LegalRemovalState } from "@/lib/db/generated/enums";
import type { LegalRemovalItemDto } from "@/lib/legal-removals/legal-removal-dto";

import { fieldLabels } from "./removal-words";

/**
 * The things a request names. While it is pending the passages and names are shown, so the approving admin
 * sees exactly what will go; once decided the request keeps none of them, and neither does this list.
 */
export function RemovalItems(props: { items: LegalRemovalItemDto[]; state: LegalRemovalState }) {
  const pending = props.state === "pending";
  return (
    <ol className="desk-removal-items">
      {props.items.map((item, index) => (
        <li key={index}>
          {item.kind === "passage" ? (
            <>
              <strong>Passage</strong>, chosen in the {fieldLabels[item.field].toLowerCase()}
              {item.text === null ? (
                <span className="desk-muted"> (the text is no longer kept)</span>
              ) : (
                <blockquote className="desk-removal-passage">{item.text}</blockquote>
              )}
            </>
          ) : item.kind === "photo" ? (
            <div className="desk-removal-photo">
              {pending ? (
                // eslint-disable-next-line @next/next/no-img-element -- a desk rendition behind a redirect, not an optimisable asset
                <img src={photoThumbnailPath(item.photoId)} alt="" width={96} height={64} />
              ) : null}
              <span>
                <strong>Photo</strong>, with its caption, credit and files{" "}
                <span className="desk-muted desk-mono desk-small">{item.photoId}</span>
              </span>
            </div>
          ) : (
            <>
              <strong>Contributor</strong>
              {item.name ? (
                <>: {item.name}</>
              ) : (
                <span className="desk-muted"> (the name is no longer kept)</span>
              )}
              , with every credit and every mention of the name in the story
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
