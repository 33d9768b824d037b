import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { renderCorrectionsFeed } from "@/lib/render/feeds";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory } from "@/lib/revisions/test-stories";
import { unpublishStory, withdrawStory } from "@/lib/stories/story-status";

import { listPublicCorrections } from "./public-corrections";

const newsroom = { name: "The Valley Ledger", timeZone: "America/New_York", timeStyle: "ap" } as const;

describe("the public corrections list", () => {
  let editor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
  });

  async function correct(
    slug: string,
    base: number,
    kind: "correction" | "clarification" | "editors_note",
    note: string,
    publish = true,
  ) {
    return saveRevision({
      actor: editor,
      slug,
      input: {
        baseRevision: base,
        kind,
        summary: `Fix ${base}`,
        note,
        body: `Body ${base} ${note}`,
        publish,
      },
    });
  }

  // Before: there was no corrections page at all; each note lived only on its own story.
  it("lists every published note newest first with its story and time, keeps notes of stories taken down, and skips drafts", async () => {
    await createTestStory({ actor: editor, slug: "ferry-count", publish: true });
    await correct("ferry-count", 1, "correction", "An earlier version misstated the number of ferries.");
    await correct("ferry-count", 2, "clarification", "The schedule applies on weekdays.", false);
    await createTestStory({ actor: editor, slug: "pulled-quietly", publish: true });
    await correct(
      "pulled-quietly",
      1,
      "editors_note",
      "This story was updated to add the council's response.",
    );
    await unpublishStory({ actor: editor, slug: "pulled-quietly", reason: "Legal" });
    await createTestStory({ actor: editor, slug: "forged-memo", publish: true });
    await correct("forged-memo", 1, "correction", "An earlier version misspelled the mayor's name.");
    await withdrawStory({
      actor: editor,
      slug: "forged-memo",
      input: { note: "This story has been withdrawn: the memo it relied on was forged." },
    });

    const { entries, nextBefore } = await listPublicCorrections({ query: {}, limit: 50 });
    expect(nextBefore).toBeNull();
    expect(entries.map((entry) => [entry.slug, entry.kind, entry.storyStatus, entry.note])).toEqual([
      [
        "forged-memo",
        "withdrawal",
        "withdrawn",
        "This story has been withdrawn: the memo it relied on was forged.",
      ],
      ["forged-memo", "correction", "withdrawn", "An earlier version misspelled the mayor's name."],
      [
        "pulled-quietly",
        "editors_note",
        "unpublished",
        "This story was updated to add the council's response.",
      ],
      ["ferry-count", "correction", "published", "An earlier version misstated the number of ferries."],
    ]);
    expect(entries.map((entry) => entry.publishedAt)).toEqual(
      [...entries.map((entry) => entry.publishedAt)].sort().reverse(),
    );
    expect(entries[3]?.headline).toBe("Headline of ferry-count");

    const feed = renderCorrectionsFeed({ entries, newsroom, origin: "https://news.example" });
    expect(feed).toContain("Correction: Headline of ferry-count");
    expect(feed).toContain('href="https://news.example/stories/ferry-count"');
    // A quietly unpublished story's entry points at the corrections page, never at a 404.
    expect(feed).not.toContain('href="https://news.example/stories/pulled-quietly"');
    expect(feed).toContain("https://news.example/corrections#pulled-quietly-r2");
  });

  it("pages back in time without repeating or skipping an entry, and refuses a made-up page", async () => {
    await createTestStory({ actor: editor, slug: "many-fixes", publish: true });
    for (let base = 1; base <= 5; base += 1)
      await correct("many-fixes", base, "correction", `Fix number ${base}.`);
    const all = (await listPublicCorrections({ query: {}, limit: 200 })).entries.map((entry) => entry.key);
    const paged: string[] = [];
    let before: string | null | undefined;
    for (let guard = 0; guard < 20; guard += 1) {
      const page = await listPublicCorrections({ query: before ? { before } : {}, limit: 2 });
      paged.push(...page.entries.map((entry) => entry.key));
      before = page.nextBefore;
      if (!before) break;
    }
    expect(paged).toEqual(all);
    expect((await appErrorOf(listPublicCorrections({ query: { before: "yesterday" }, limit: 2 }))).code).toBe(
      "validation_failed",
    );
  });
});
