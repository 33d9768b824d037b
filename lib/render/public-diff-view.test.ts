import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";

import { formatBodyPhotoLine, type BodyPhoto } from "@/lib/render/body-photo-line";
import { diffContent } from "@/lib/revisions/diff/diff-content";
import { publicDiff } from "@/lib/revisions/diff/public-diff";
import type { RevisionContent } from "@/lib/revisions/revision-content";

import { buildPublicDiffView } from "./public-diff-view";

const base: RevisionContent = {
  headline: "Council votes",
  dek: "",
  byline: "",
  body: "",
  images: [],
  credits: [],
  developing: false,
};

function rendered(from: string, to: string): { html: string; older: string; newer: string } {
  const diff = publicDiff(
    diffContent({ from: { ...base, body: from }, to: { ...base, body: to }, timeoutMs: 60_000 }),
  );
  const html = toHtml(buildPublicDiffView({ diff }));
  const text = (drop: "ins" | "del") =>
    [...html.matchAll(/<p>(.*?)<\/p>/g)].map((match) =>
      (match[1] ?? "").replace(new RegExp(`<${drop}>.*?</${drop}>`, "g"), "").replace(/<[^>]+>/g, ""),
    );
  return { html, older: text("ins").join("\n"), newer: text("del").join("\n") };
}

describe("buildPublicDiffView", () => {
  // Regression: readers saw "<del>Reserve met and wages rose.</del>Voted Tuesday…", which read "rose.Voted".
  it("reads as both texts do when a sentence goes from the start of a paragraph", () => {
    const view = rendered("Reserve met and wages rose. Voted Tuesday to strike.", "Voted Tuesday to strike.");
    expect(view.html).toContain("<del>Reserve met and wages rose. </del>Voted Tuesday to strike.");
    expect([view.older, view.newer]).toEqual([
      "Reserve met and wages rose. Voted Tuesday to strike.",
      "Voted Tuesday to strike.",
    ]);
  });

  it("joins merged paragraphs with the one space the newer text has", () => {
    const view = rendered(
      "Drivers met.\n\nThey voted.\n\nTalks resume.",
      "Drivers met. They voted.\n\nTalks resume.",
    );
    expect(view.newer).toBe("Drivers met. They voted.");
  });
});

describe("buildPublicDiffView with photos placed in the body", () => {
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
  const body = (at: number, photo: BodyPhoto | null = ferry) =>
    photo
      ? [...paragraphs.slice(0, at), formatBodyPhotoLine(photo), ...paragraphs.slice(at)].join("\n\n")
      : paragraphs.join("\n\n");

  it("shows an added photo as its caption and credit, never its ::photo line", () => {
    const view = rendered(body(0, null), body(2));
    expect(view.html).toContain(
      "<ins>Photo: The ferry kept running through the night. (Ana Diaz/Ledger)</ins>",
    );
    expect(view.html).not.toContain("::photo");
    expect(view.html).not.toContain(ferry.photoId);
  });

  it("shows a removed photo struck through, by its alt text when it has no caption", () => {
    const view = rendered(body(1, { ...ferry, caption: "" }), body(0, null));
    expect(view.html).toContain("<del>Photo: A ferry at the flooded pier (Ana Diaz/Ledger)</del>");
    expect(view.html).not.toContain("::photo");
  });

  it("shows a photo moved down the story as a moved photo, with nothing added or removed", () => {
    const view = rendered(body(0), body(4));
    expect(view.html).toContain(
      '<p class="reader-diff-gap">Moved photo:</p><p>Photo: The ferry kept running through the night. (Ana Diaz/Ledger)</p>',
    );
    expect(view.html).not.toMatch(/<ins>|<del>/);
  });

  it("shows a new caption as the words that changed in the photo's line", () => {
    const view = rendered(body(2), body(2, { ...ferry, caption: "The ferry kept running until dawn." }));
    expect(view.older).toBe("Photo: The ferry kept running through the night. (Ana Diaz/Ledger)");
    expect(view.newer).toBe("Photo: The ferry kept running until dawn. (Ana Diaz/Ledger)");
    expect(view.html).toContain(
      "<p>Photo: The ferry kept running<del> through the night</del><ins> until dawn</ins>. (Ana Diaz/Ledger)</p>",
    );
    expect(view.html).not.toContain("Photo replaced");
  });

  // Regression guard: with the caption and credit unchanged, swapping the picture would read as no change at all.
  it("says a photo was replaced when only the picture changed, caption and credit the same", () => {
    const view = rendered(body(2), body(2, { ...ferry, photoId: "7f3a2b1c-0d9e-4f8a-b7c6-d5e4f3a2b1c0" }));
    expect(view.html).toContain(
      '<p class="reader-diff-gap">Photo replaced:</p><p>Photo: The ferry kept running through the night. (Ana Diaz/Ledger)</p>',
    );
  });

  it("shows a new image description on its own line when the caption is what the photo's line reads", () => {
    const view = rendered(body(2), body(2, { ...ferry, alt: "A white ferry at the flooded pier" }));
    expect(view.html).toContain("<p>Image description: A<ins> white</ins> ferry at the flooded pier</p>");
  });

  it("leaves the comparison itself as Markdown: the API's diff still carries the photo line", () => {
    const diff = diffContent({
      from: { ...base, body: body(0, null) },
      to: { ...base, body: body(2) },
      timeoutMs: 60_000,
    });
    expect(diff.body.ops).toContainEqual({ kind: "inserted", toIndex: 2, text: formatBodyPhotoLine(ferry) });
  });
});
