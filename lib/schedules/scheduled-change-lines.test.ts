import { describe, expect, it } from "vitest";

import { formatBodyPhotoLine } from "@/lib/render/body-photo-line";
import { diffContent } from "@/lib/revisions/diff/diff-content";
import { publicDiff } from "@/lib/revisions/diff/public-diff";
import type { RevisionContent } from "@/lib/revisions/revision-content";

import { scheduledChangeLines } from "./scheduled-change-lines";

const base: RevisionContent = {
  headline: "River crests",
  dek: "",
  byline: "",
  body: "The river crested at 28 feet.\n\nOfficials lifted the evacuation order.",
  images: [],
  credits: [],
  developing: false,
};

describe("scheduledChangeLines", () => {
  // Regression guard: a waiting schedule that places a photo read "Paragraph: “::photo{id=…}”".
  it("names a photo the schedule places by its caption and credit, not its ::photo line", () => {
    const line = formatBodyPhotoLine({
      photoId: "0b6e4c2a-1f3d-4a5b-9c8d-7e6f5a4b3c2d",
      alt: "A ferry at the flooded pier",
      caption: "The ferry kept running.",
      credit: "Ana Diaz/Ledger",
    });
    const to = { ...base, body: `${base.body}\n\n${line}\n\nSchools reopen Thursday.` };
    const lines = scheduledChangeLines(publicDiff(diffContent({ from: base, to, timeoutMs: 60_000 })));
    expect(lines).toEqual([
      "Photo: The ferry kept running. (Ana Diaz/Ledger)",
      "Paragraph: “Schools reopen Thursday.”",
    ]);
  });
});
