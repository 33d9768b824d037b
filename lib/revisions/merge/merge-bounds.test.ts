import { describe, expect, it } from "vitest";

import type { RevisionContent } from "@/lib/revisions/revision-content";

import { coarseBodyMerge } from "./body-merge";
import { mergeContent } from "./merge-content";

function content(body: string): RevisionContent {
  return { headline: "Council meets", dek: "", byline: "", body, images: [], credits: [], developing: false };
}

describe("mergeContent on bodies diff3 cannot merge quickly (issue 19: the stale-save merge was unbounded)", () => {
  // Guards issue 19 defect 1 (merge): 1,000 identical paragraphs took diff3 0.8 s, 4,000 took 84 s, on the
  // event loop.
  it("offers a body of many repeated paragraphs as one conflict, says why, and loses neither side", () => {
    const same = Array.from({ length: 4_000 }, () => "The same paragraph.");
    const base = content(same.join("\n\n"));
    const ours = content(["Ours first.", ...same].join("\n\n"));
    const theirs = content([...same, "Theirs last."].join("\n\n"));
    const merge = mergeContent({ base, ours, theirs });
    expect(merge.reason).toBe(coarseBodyMerge);
    expect(merge.clean).toBe(false);
    expect(merge.conflicts).toEqual([
      { id: "body-1", field: "body", base: base.body, ours: ours.body, theirs: theirs.body },
    ]);
    expect(merge.merged.body).toBe(theirs.body);
  });

  it("still merges an everyday body paragraph by paragraph, and says nothing", () => {
    const base = content("One.\n\nTwo.\n\nThree.");
    const merge = mergeContent({
      base,
      ours: content("One, edited.\n\nTwo.\n\nThree."),
      theirs: content("One.\n\nTwo.\n\nThree, edited."),
    });
    expect(merge).toMatchObject({
      clean: true,
      reason: null,
      merged: { body: "One, edited.\n\nTwo.\n\nThree, edited." },
    });
  });
});
