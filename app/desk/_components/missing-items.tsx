"use client";

import type { MissingItem } from "@/lib/revisions/publication-requirements";

/**
 * A missing item as the person meets it: the field's name, where it is, and the id to take them there (`key`
 * tells apart several items on one field, as the body's photos are).
 */
export type MissingField = MissingItem & { key: string; label: string; fieldId: string | null };

/** Names for the server's field paths, with where each field sits on the edit screen. */
export function missingFields(options: {
  items: readonly MissingItem[];
  imageKeys: readonly string[];
  idPrefix?: string;
  /** The body field on this screen, when there is one to go to. */
  bodyFieldId?: string;
}): MissingField[] {
  const prefix = options.idPrefix ?? "change";
  const seen = new Set<string>();
  return options.items.flatMap((item) => {
    // The body's photos are each named by paragraph, on the one body field; other fields are named once.
    const key = item.path === "body" ? `body: ${item.message}` : item.path;
    if (seen.has(key)) return [];
    seen.add(key);
    if (item.path === "summary")
      return [{ ...item, key, label: "Public summary, under “This change”", fieldId: `${prefix}-summary` }];
    if (item.path === "note")
      return [{ ...item, key, label: "Public note, under “This change”", fieldId: `${prefix}-note` }];
    if (item.path === "body") return [{ ...item, key, label: "Body", fieldId: options.bodyFieldId ?? null }];
    const image = /^images\.(\d+)\.alt$/.exec(item.path);
    if (image) {
      const index = Number(image[1]);
      const imageKey = options.imageKeys[index];
      return [
        {
          ...item,
          key,
          label: `Alt text of image ${index + 1}, under “Images”`,
          fieldId: imageKey ? `image-${imageKey}-alt` : null,
        },
      ];
    }
    return [{ ...item, key, label: item.path, fieldId: null }];
  });
}

/**
 * What must be filled in before "Publish now" is offered, each named where it is, with a way there. The
 * server applies the same rules (lib/revisions/publication-requirements.ts); this only says so before it
 * refuses.
 */
export function MissingItems({
  items,
  onGoTo,
}: {
  items: readonly MissingField[];
  onGoTo: ((fieldId: string) => void) | null;
}) {
  if (items.length === 0) return null;
  return (
    <div
      className="desk-notice desk-notice-bad desk-missing"
      role="note"
      aria-labelledby="publish-missing-title"
    >
      <p id="publish-missing-title">
        <strong>Before this can be published, fill in:</strong>
      </p>
      <ul>
        {items.map(({ key, label, message, fieldId }) => (
          <li key={key}>
            <strong>{label}</strong>: {message}.{" "}
            {fieldId && onGoTo ? (
              <button type="button" className="desk-link-button" onClick={() => onGoTo(fieldId)}>
                Go to it
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
