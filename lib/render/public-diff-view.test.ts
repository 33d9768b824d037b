import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";

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
