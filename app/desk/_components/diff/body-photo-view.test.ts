import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { formatBodyPhotoLine, type BodyPhoto } from "@/lib/render/body-photo-line";
import { diffContent } from "@/lib/revisions/diff/diff-content";
import type { RevisionContent } from "@/lib/revisions/revision-content";

import { BodyDiffView } from "./body-diff-view";

const base: RevisionContent = {
  headline: "River crests",
  dek: "",
  byline: "",
  body: "",
  images: [],
  credits: [],
  developing: false,
};
const paragraphs = [
  "The river crested at 28 feet on Tuesday night.",
  "Levees held along the north bank, the county said.",
  "Schools reopen on Thursday after two days closed.",
  "Officials lifted the evacuation order at noon.",
];
const ferry: BodyPhoto = {
  photoId: "0b6e4c2a-1f3d-4a5b-9c8d-7e6f5a4b3c2d",
  alt: "A ferry at the flooded pier",
  caption: "The ferry kept running through the night.",
  credit: "Ana Diaz/Ledger",
};
const otherId = "7f3a2b1c-0d9e-4f8a-b7c6-d5e4f3a2b1c0";
const body = (at: number, photo: BodyPhoto | null = ferry) =>
  photo
    ? [...paragraphs.slice(0, at), formatBodyPhotoLine(photo), ...paragraphs.slice(at)].join("\n\n")
    : paragraphs.join("\n\n");

/** The desk's body comparison as the browser gets it, and its visible text. */
function compared(from: string, to: string, view: "inline" | "side" = "inline") {
  const diff = diffContent({ from: { ...base, body: from }, to: { ...base, body: to }, timeoutMs: 60_000 });
  const html = renderToStaticMarkup(createElement(BodyDiffView, { body: diff.body, view }));
  const text = html
    .replace(/<span class="visually-hidden">[^<]*<\/span>/g, "")
    .replace(/<\/(dt|dd|p|span)>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
  return { html, text };
}

const thumbnail = (photoId: string) => `src="/desk/photos/${photoId}/thumbnail"`;

describe("the desk's body comparison with photos placed in the body", () => {
  it("shows an added photo with its thumbnail, caption, credit and alt text, never its ::photo line", () => {
    for (const view of ["inline", "side"] as const) {
      const { html, text } = compared(body(0, null), body(2), view);
      expect(text).toContain("+ Added photo ¶ 3");
      expect(html).toContain(thumbnail(ferry.photoId));
      expect(text).toContain(
        "Caption The ferry kept running through the night. Credit Ana Diaz/Ledger Alt text A ferry at the flooded pier",
      );
      expect(html).not.toContain("::photo");
    }
  });

  it("shows a removed photo, saying when it had no alt text", () => {
    const { html, text } = compared(body(1, { ...ferry, alt: "" }), body(0, null));
    expect(text).toContain("− Removed photo (was ¶ 2)");
    expect(html).toContain('<del class="desk-del">The ferry kept running through the night.</del>');
    expect(text).toContain("Alt text (none)");
  });

  it("shows a photo moved down the story as moved, with nothing added or removed", () => {
    const { html, text } = compared(body(0), body(4));
    expect(text).toContain("↕ Photo moved from ¶ 1 to ¶ 5");
    expect(html).toContain(thumbnail(ferry.photoId));
    expect(html).not.toMatch(/<ins|<del/);
  });

  it("shows a new caption field by field: the words that changed, the rest as they are", () => {
    const { html, text } = compared(
      body(2),
      body(2, { ...ferry, caption: "The ferry kept running until dawn." }),
    );
    expect(text).toContain("✎ Edited photo ¶ 3");
    expect(text).toContain("Caption (edited)");
    expect(html).toContain(
      '<del class="desk-del"><span class="visually-hidden">[deleted: </span> through the night',
    );
    expect(text).toContain("Alt text A ferry at the flooded pier");
    expect(text).not.toContain("Different photo");
  });

  // Regression guard: the same caption, credit and alt on a different picture must not read as unchanged.
  it("calls out a different picture with both thumbnails when every word is the same", () => {
    const { html, text } = compared(body(2), body(2, { ...ferry, photoId: otherId }));
    expect(text).toContain("⇄ Photo ¶ 3 replaced by a different photo");
    expect(text).toContain("Different photo");
    expect(html).toContain(thumbnail(ferry.photoId));
    expect(html).toContain(thumbnail(otherId));
  });
});
