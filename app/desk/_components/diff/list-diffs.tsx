import type { CreditsDiff, ImagesDiff } from "@/lib/revisions/diff/content-diff-types";
import { creditRoleLabels } from "../editor-draft";
import { TextFieldDiffView } from "./text-field-diff-view";

/** Image changes: added, removed, moved, and caption/credit/alt edits of images kept. */
export function ImagesDiffView({ diff, view }: { diff: ImagesDiff; view: "inline" | "side" }) {
  return (
    <ul className="desk-diff-list">
      {diff.entries.map((entry, index) => {
        if (entry.status === "added")
          return (
            <li key={index} className="desk-diff-list-added">
              <strong>+ Added image {entry.toIndex + 1}:</strong> <span className="desk-mono">{entry.image.url}</span>
              {entry.image.caption ? <> — {entry.image.caption}</> : null}
              {entry.image.credit ? <span className="desk-muted"> ({entry.image.credit})</span> : null}
            </li>
          );
        if (entry.status === "removed")
          return (
            <li key={index} className="desk-diff-list-removed">
              <strong>− Removed image (was {entry.fromIndex + 1}):</strong> <del className="desk-del">{entry.image.url}</del>
              {entry.image.caption ? <> — {entry.image.caption}</> : null}
            </li>
          );
        if (!entry.changed && !entry.moved) return null;
        return (
          <li key={index}>
            <strong>
              Image {entry.toIndex + 1}
              {entry.moved ? ` (moved from position ${entry.fromIndex + 1})` : ""}:
            </strong>{" "}
            <span className="desk-mono desk-muted">{entry.url}</span>
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
              <strong>+ Credited:</strong> <ins className="desk-ins">{entry.credit.name}</ins> — {creditRoleLabels[entry.credit.role]}
              {entry.credit.location ? `, ${entry.credit.location}` : ""}
            </li>
          );
        if (entry.status === "removed")
          return (
            <li key={index} className="desk-diff-list-removed">
              <strong>− No longer credited:</strong> <del className="desk-del">{entry.credit.name}</del> — {creditRoleLabels[entry.credit.role]}
            </li>
          );
        if (!entry.changed && !entry.moved) return null;
        return (
          <li key={index}>
            <strong>{entry.name}:</strong>{" "}
            {entry.role.changed ? (
              <>
                role <del className="desk-del">{creditRoleLabels[entry.role.from]}</del> → <ins className="desk-ins">{creditRoleLabels[entry.role.to]}</ins>{" "}
              </>
            ) : null}
            {entry.location.changed ? (
              <>
                place <del className="desk-del">{entry.location.from ?? "(none)"}</del> → <ins className="desk-ins">{entry.location.to ?? "(none)"}</ins>{" "}
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
