import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { checkHealth } from "@/lib/health/check-health";
import { storyHistoryPage } from "@/lib/public/public-pages";
import { readPublicStoryRow } from "@/lib/public/published-story";
import { tracked } from "@/lib/testing/tracked-promise";

import { diffRevisions } from "./diff-revisions";
import type { ContentDiff } from "./diff/content-diff-types";
import type { ContentMerge } from "./merge/content-merge-types";
import { readRevision } from "./read-revision";
import { saveRevision } from "./save-revision";
import { appErrorOf, createTestStory } from "./test-stories";

/*
 * Issue 19, defect 1: revision 1 is one paragraph of short words (the had 483,000 in 1.45 MB; these
 * are 375,000 distinct-ish words in 1.49 MB, just under the body limit), revision 2 its 39,000 different
 * words as one-word paragraphs. Comparing them held the event loop 24–93 s, so health (and every reader)
 * waited. Each test starts the heavy request, lets it load its revisions (the test reads the same rows), then
 * asks for health: health must answer while the heavy request is still running. No timings are asserted.
 */

const words = Array.from({ length: 375_000 }, (_, index) => (index % 39_000).toString(36));
const oneParagraph = words.join(" ");
const oneWordParagraphs = words.slice(0, 39_000).join("\n\n");

/** Health asked while `heavy` runs: it must answer, and before `heavy` has finished. */
async function expectHealthAnsweredDuring(options: { heavy: { settled: () => boolean }; storyId: string }) {
  await Promise.all([1, 2].map((number) => readRevision({ storyId: options.storyId, number })));
  const health = await checkHealth();
  expect(health.status).toBe("ok");
  expect(options.heavy.settled()).toBe(false);
}

/** The diff says whether it degraded, and why exactly when it did. */
function expectHonest(diff: Pick<ContentDiff, "degraded" | "reason" | "body">) {
  expect(typeof diff.degraded).toBe("boolean");
  expect(diff.reason !== null).toBe(diff.degraded);
  expect(diff.body.changed).toBe(true);
}

describe("diffs of huge revisions (issue 19: a 1.5 MB comparison held the event loop for 24 s)", () => {
  let editor: Actor;
  let storyId: string;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    await createTestStory({ actor: editor, slug: "huge-diff", body: oneParagraph, publish: true });
    await saveRevision({
      actor: editor,
      slug: "huge-diff",
      input: {
        baseRevision: 1,
        summary: "Every word its own paragraph",
        body: oneWordParagraphs,
        publish: true,
      },
    });
    storyId = (await readPublicStoryRow({ slug: "huge-diff" })).id;
  });

  // Guards issue 19 defect 1: GET …/diff?from=1&to=2 froze the instance, and health with it.
  it("answers health while the desk diff of the two revisions runs, and the diff says whether it degraded", async () => {
    const heavy = tracked(diffRevisions({ actor: editor, slug: "huge-diff", from: 1, to: 2 }));
    await expectHealthAnsweredDuring({ heavy, storyId });
    expectHonest((await heavy.promise).diff);
  });

  // Guards issue 19 defect 1: the public history page took 24 s for an anonymous reader.
  it("answers health while the public history page compares them, and the page renders", async () => {
    const heavy = tracked(
      storyHistoryPage({ slug: "huge-diff", origin: "https://news.example", from: "1", to: "2" }),
    );
    await expectHealthAnsweredDuring({ heavy, storyId });
    const page = await heavy.promise;
    expect(page.status).toBe(200);
    expect(page.body).toContain("Every word its own paragraph");
  });

  // Guards issue 19 defect 1: a stale save against the huge revision took 32 s before its 409.
  it("answers health while a stale save builds its 409, whose diff and merge say whether they were coarse", async () => {
    const heavy = tracked(
      saveRevision({
        actor: editor,
        slug: "huge-diff",
        input: { baseRevision: 1, summary: "Late edit", headline: "A late headline" },
      }),
    );
    await expectHealthAnsweredDuring({ heavy, storyId });
    const error = await appErrorOf(heavy.promise);
    expect(error.code).toBe("conflict");
    const details = error.details as { changedSince: ContentDiff; merge: ContentMerge };
    expectHonest(details.changedSince);
    expect(details.merge.merged.headline).toBe("A late headline");
    expect(details.merge.merged.body).toBe(oneWordParagraphs);
  });
});
