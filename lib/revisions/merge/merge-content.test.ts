import { describe, expect, it } from "vitest";

import { isAppError } from "@/lib/errors/app-error";
import type { RevisionContent, RevisionCredit, StoryImage } from "@/lib/revisions/revision-content";

import { mergeContent } from "./merge-content";
import { MergeResolutionInput } from "./merge-resolution-input";
import { resolveMerge } from "./resolve-merge";

const paragraphs = [
  "The river rose two metres overnight, flooding the lower town.",
  "Emergency crews evacuated about 300 residents before dawn.",
  "The mayor said the town hall would stay open as a shelter.",
  "Forecasters expect more rain on Thursday.",
  "Schools will remain closed until Monday.",
];

const ana: RevisionCredit = {
  contributorId: "c-ana",
  name: "Ana Ruiz",
  role: "byline",
  location: "Riverton",
};
const tom: RevisionCredit = {
  contributorId: "c-tom",
  name: "Tom Berg",
  role: "contributed_reporting",
  location: null,
};
const kim: RevisionCredit = { contributorId: "c-kim", name: "Kim Lee", role: "photo", location: null };
const image = (url: string, caption: string): StoryImage => ({
  url,
  alt: `Photo ${url}`,
  caption,
  credit: "Jo Park/Agency",
});

function content(overrides: Partial<RevisionContent> = {}): RevisionContent {
  return {
    headline: "River floods lower town",
    dek: "Hundreds evacuated",
    byline: "By Ana Ruiz",
    body: paragraphs.join("\n\n"),
    images: [image("/a.jpg", "Water on Main Street")],
    credits: [ana],
    developing: true,
    ...overrides,
  };
}

const withParagraph = (index: number, text: string, base: readonly string[] = paragraphs) =>
  base.map((paragraph, position) => (position === index ? text : paragraph));

describe("mergeContent", () => {
  it("keeps edits by two editors to different paragraphs, adjacent ones included", () => {
    const ours = withParagraph(1, "Emergency crews evacuated nearly 350 residents before dawn.");
    const theirs = withParagraph(2, "The mayor said the town hall would stay open as a shelter all week.");
    const far = withParagraph(4, "Schools will remain closed until Wednesday.", theirs);
    for (const other of [theirs, far]) {
      const merge = mergeContent({
        base: content(),
        ours: content({ body: ours.join("\n\n") }),
        theirs: content({ body: other.join("\n\n") }),
      });
      expect(merge.clean).toBe(true);
      expect(merge.conflicts).toEqual([]);
      expect(merge.merged.body).toContain("nearly 350 residents");
      expect(merge.merged.body).toContain("open as a shelter all week.");
      expect(merge.body.every((chunk) => chunk.kind === "resolved")).toBe(true);
    }
  });

  it("turns two different edits of the same paragraph into a conflict with both sides, provisionally theirs", () => {
    const ours = withParagraph(3, "Forecasters expect heavy rain on Thursday.");
    const theirs = withParagraph(3, "Forecasters expect more rain on Thursday and Friday.");
    const merge = mergeContent({
      base: content(),
      ours: content({ body: ours.join("\n\n") }),
      theirs: content({ body: theirs.join("\n\n") }),
    });
    expect(merge.clean).toBe(false);
    expect(merge.conflicts).toEqual([
      { id: "body-1", field: "body", base: paragraphs[3], ours: ours[3], theirs: theirs[3] },
    ]);
    expect(merge.body.map((chunk) => chunk.kind)).toEqual(["resolved", "conflict", "resolved"]);
    expect(merge.merged.body).toBe(theirs.join("\n\n"));
  });

  it("merges a headline changed by one side only, and an identical change by both", () => {
    const oneSide = mergeContent({
      base: content(),
      ours: content({ headline: "River floods town" }),
      theirs: content({ dek: "Hundreds evacuated overnight" }),
    });
    expect(oneSide.clean).toBe(true);
    expect(oneSide.merged).toMatchObject({
      headline: "River floods town",
      dek: "Hundreds evacuated overnight",
    });
    const same = mergeContent({
      base: content(),
      ours: content({ headline: "Flood" }),
      theirs: content({ headline: "Flood" }),
    });
    expect(same.clean).toBe(true);
    expect(same.merged.headline).toBe("Flood");
  });

  it("reports a headline changed differently by both sides as a conflict", () => {
    const merge = mergeContent({
      base: content(),
      ours: content({ headline: "River floods town" }),
      theirs: content({ headline: "Town under water" }),
    });
    expect(merge.conflicts).toEqual([
      {
        id: "headline",
        field: "headline",
        base: "River floods lower town",
        ours: "River floods town",
        theirs: "Town under water",
      },
    ]);
    expect(merge.merged.headline).toBe("Town under water");
  });

  it("keeps credits added on both sides and applies a removal the other side did not touch", () => {
    const merge = mergeContent({
      base: content({ credits: [ana, tom] }),
      ours: content({ credits: [ana, { ...kim, role: "additional_reporting" }] }),
      theirs: content({ credits: [ana, tom, kim] }),
    });
    expect(merge.clean).toBe(true);
    // Their list sets the order; our addition goes right after the credit it followed in ours.
    expect(merge.merged.credits).toEqual([ana, { ...kim, role: "additional_reporting" }, kim]);
  });

  it("turns a credit changed on one side and removed on the other into a conflict", () => {
    const merge = mergeContent({
      base: content({ credits: [ana, tom] }),
      ours: content({ credits: [ana, { ...tom, location: "Lower Riverton" }] }),
      theirs: content({ credits: [ana] }),
    });
    expect(merge.conflicts).toEqual([
      {
        id: "credit-1",
        field: "credits",
        key: "c-tom:contributed_reporting",
        base: tom,
        ours: { ...tom, location: "Lower Riverton" },
        theirs: null,
      },
    ]);
    expect(merge.merged.credits).toEqual([ana]);
  });

  it("merges an image caption edit on one side with an image added on the other", () => {
    const merge = mergeContent({
      base: content(),
      ours: content({ images: [image("/a.jpg", "Water on Main Street at dawn")] }),
      theirs: content({
        images: [image("/a.jpg", "Water on Main Street"), image("/b.jpg", "The closed bridge")],
      }),
    });
    expect(merge.clean).toBe(true);
    expect(merge.merged.images).toEqual([
      image("/a.jpg", "Water on Main Street at dawn"),
      image("/b.jpg", "The closed bridge"),
    ]);
  });

  it("reports the developing flag changed by one side and the other in different ways only when they disagree", () => {
    const merge = mergeContent({
      base: content(),
      ours: content({ developing: false }),
      theirs: content({ headline: "Flood" }),
    });
    expect(merge.clean).toBe(true);
    expect(merge.merged).toMatchObject({ developing: false, headline: "Flood" });
  });
});

describe("resolveMerge", () => {
  const conflicted = () =>
    mergeContent({
      base: content({ credits: [ana, tom] }),
      ours: content({
        headline: "River floods town",
        body: withParagraph(3, "Forecasters expect heavy rain on Thursday.").join("\n\n"),
        credits: [ana, { ...tom, location: "Lower Riverton" }],
      }),
      theirs: content({
        headline: "Town under water",
        body: withParagraph(3, "Forecasters expect more rain on Thursday and Friday.").join("\n\n"),
        credits: [ana],
      }),
    });

  it("applies the editor's choices to every conflict", () => {
    const merge = conflicted();
    expect(merge.conflicts.map((conflict) => conflict.id)).toEqual(["headline", "body-1", "credit-1"]);
    const resolved = resolveMerge({
      merge,
      choices: {
        headline: { text: "  River   floods the town " },
        "body-1": { pick: "both" },
        "credit-1": { pick: "ours" },
      },
    });
    expect(resolved.headline).toBe("River floods the town");
    expect(resolved.body).toBe(
      [
        ...paragraphs.slice(0, 3),
        "Forecasters expect heavy rain on Thursday.",
        "Forecasters expect more rain on Thursday and Friday.",
        paragraphs[4],
      ].join("\n\n"),
    );
    expect(resolved.credits).toEqual([ana, { ...tom, location: "Lower Riverton" }]);

    const theirs = resolveMerge({
      merge,
      choices: { headline: { pick: "theirs" }, "body-1": { pick: "theirs" }, "credit-1": { pick: "theirs" } },
    });
    expect(theirs).toEqual(merge.merged);
  });

  it("refuses to settle a merge with an undecided conflict or a choice that does not fit", () => {
    const merge = conflicted();
    const refused = (choices: Parameters<typeof resolveMerge>[0]["choices"]) => {
      try {
        resolveMerge({ merge, choices });
      } catch (error) {
        return isAppError(error) ? error.details : error;
      }
      return "accepted";
    };
    expect(refused({ headline: { pick: "ours" }, "body-1": { pick: "ours" } })).toEqual({
      fields: [{ path: "choices.credit-1", message: "needs a decision" }],
    });
    expect(
      refused({ headline: { pick: "both" }, "body-1": { pick: "ours" }, "credit-1": { text: "Tom" } }),
    ).toEqual({
      fields: [
        { path: "choices.headline", message: "keeping both only applies to the body" },
        { path: "choices.credit-1", message: "this conflict can only be settled by picking a side" },
      ],
    });
    expect(
      refused({
        headline: { pick: "ours" },
        "body-1": { pick: "ours" },
        "credit-1": { pick: "ours" },
        "body-9": { pick: "ours" },
      }),
    ).toEqual({
      fields: [{ path: "choices.body-9", message: "is not a conflict of this merge" }],
    });
  });

  it("settles an image both sides changed, and a body conflict rewritten by hand", () => {
    const merge = mergeContent({
      base: content(),
      ours: content({
        images: [],
        body: withParagraph(0, "The river rose three metres overnight.").join("\n\n"),
      }),
      theirs: content({
        images: [image("/a.jpg", "Main Street under water")],
        body: withParagraph(0, "The river rose two metres by dawn.").join("\n\n"),
      }),
    });
    expect(merge.conflicts.map((conflict) => [conflict.id, conflict.field])).toEqual([
      ["body-1", "body"],
      ["image-1", "images"],
    ]);
    expect(merge.conflicts[1]).toMatchObject({
      key: "/a.jpg",
      ours: null,
      theirs: image("/a.jpg", "Main Street under water"),
    });
    expect(merge.merged.images).toEqual([image("/a.jpg", "Main Street under water")]);
    const resolved = resolveMerge({
      merge,
      choices: { "body-1": { text: "The river rose three metres by dawn." }, "image-1": { pick: "ours" } },
    });
    expect(resolved.images).toEqual([]);
    expect(resolved.body.split("\n\n")).toEqual([
      "The river rose three metres by dawn.",
      ...paragraphs.slice(1),
    ]);
  });

  it("parses the desk's decisions with MergeResolutionInput and rejects malformed ones", () => {
    expect(
      MergeResolutionInput.safeParse({
        choices: { headline: { pick: "ours" }, "body-1": { text: "New text" } },
      }).success,
    ).toBe(true);
    expect(MergeResolutionInput.safeParse({ choices: { headline: { pick: "mine" } } }).success).toBe(false);
    expect(
      MergeResolutionInput.safeParse({ choices: { headline: { pick: "ours", text: "x" } } }).success,
    ).toBe(false);
    expect(MergeResolutionInput.safeParse({ choices: {}, extra: true }).success).toBe(false);
  });
});
