import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { formatBodyPhotoLine } from "@/lib/render/body-photo-line";

import {
  bodyPhotosMissingAlt,
  imagesMissingAlt,
  kindWithArticle,
  missingPublicSummary,
  missingRevisionWords,
} from "./publication-requirements";
import { saveRevision } from "./save-revision";
import { appErrorOf, createTestStory } from "./test-stories";

describe("what a publication needs, as the desk's confirmation and the server both say it", () => {
  let editor: Actor;
  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
  });

  it("names every kind with its right article (issue 18: 'This goes out as a update')", () => {
    expect(kindWithArticle("update")).toBe("an update");
    expect(kindWithArticle("editors_note")).toBe("an editor’s note");
    expect(kindWithArticle("correction")).toBe("a correction");
  });

  it("lists a missing summary, a missing note and every photo without alt text, each at its place", () => {
    expect(
      missingRevisionWords({ kind: "correction", summary: " ", note: "\u200B" }).map((item) => item.path),
    ).toEqual(["summary", "note"]);
    expect(missingRevisionWords({ kind: "minor", summary: "", note: "" })).toEqual([]);
    expect(missingPublicSummary({ publishedKind: "initial", summary: null })).toBeNull();
    expect(missingPublicSummary({ publishedKind: "update", summary: "" })?.message).toContain(
      "goes out as an update",
    );
    expect(imagesMissingAlt([{ alt: "A ferry" }, { alt: "  " }])).toEqual([
      { path: "images.1.alt", message: "alt text is required before publishing" },
    ]);
    const photoLine = (alt: string) =>
      formatBodyPhotoLine({ photoId: "0b6e4c2a-1f3d-4a5b-9c8d-7e6f5a4b3c2d", alt, caption: "", credit: "" });
    expect(bodyPhotosMissingAlt(`Lede.\n\n${photoLine("A ferry")}\n\nMore.\n\n${photoLine(" ")}`)).toEqual([
      { path: "body", message: "the photo in paragraph 4 needs alt text before publishing" },
    ]);
    expect(bodyPhotosMissingAlt(`\`\`\`\n${photoLine("")}\n\`\`\``)).toEqual([]);
  });

  it("the server refuses a minor fix that carries a pending update without a summary, in the same words (an update, not 'a update')", async () => {
    await createTestStory({ actor: editor, slug: "article-check", publish: true });
    await saveRevision({
      actor: editor,
      slug: "article-check",
      input: { baseRevision: 1, summary: "Draft", body: "A drafted update." },
    });
    const refused = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "article-check",
        input: { baseRevision: 2, kind: "minor", body: "A drafted update!", publish: true },
      }),
    );
    expect(refused.userMessage).toContain("This goes out as an update, so it needs a public summary");
    expect(refused.details).toMatchObject({
      fields: [missingPublicSummary({ publishedKind: "update", summary: null })],
    });
  });

  it("the server's save refusal for a note kind names the note the confirmation names", async () => {
    await createTestStory({ actor: editor, slug: "note-check", publish: true });
    const refused = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "note-check",
        input: { baseRevision: 1, kind: "editors_note", summary: "Context", body: "Body.", publish: true },
      }),
    );
    expect(refused.userMessage).toContain("an editor’s note needs a public note for readers");
  });
});
