import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { readPublicStoryRow } from "@/lib/public/published-story";
import { readRevision } from "@/lib/revisions/read-revision";
import { saveRevision } from "@/lib/revisions/save-revision";
import { tracked } from "@/lib/testing/tracked-promise";

import { useE2eDatabase } from "./support/database";
import { actorOf, captureScreens, seedStory, signedInUser, uniqueSlug } from "./support/desk-seed";

/*
 * Issue 19 against the production build: the worker pool's threads start from lib/workers/worker-entry.mjs
 * beside Next's bundles, so this is where "the heavy work runs off the event loop" is proven for real. Health
 * is asked while the diffs run; it must answer before they do. No timings are asserted.
 */

test.beforeAll(() => {
  useE2eDatabase();
});

test.describe.configure({ timeout: 180_000 });

const note = "The paragraph above is shown as plain text";

async function expectHealthAnsweredDuring(options: {
  request: APIRequestContext;
  heavy: { settled: () => boolean };
}) {
  const health = await options.request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(options.heavy.settled()).toBe(false);
}

async function openStory(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
}

// Guards issue 19 defect 1: the diff of these two revisions held the instance 24–28 s, health with it.
test("health answers while the diff of a 1.5 MB revision against 39,000 paragraphs runs; the diff says whether it degraded", async ({
  page,
}) => {
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("huge-diff");
  const words = Array.from({ length: 375_000 }, (_, index) => (index % 39_000).toString(36));
  await seedStory({ author: editor, slug, headline: "A very long story", body: words.join(" ") });
  await saveRevision({
    actor: actorOf(editor),
    slug,
    input: {
      baseRevision: 1,
      summary: "Every word its own paragraph",
      body: words.slice(0, 39_000).join("\n\n"),
      publish: true,
    },
  });

  const storyId = (await readPublicStoryRow({ slug })).id;
  const heavy = tracked(page.request.get(`/api/v1/stories/${slug}/diff?from=1&to=2`));
  // Once this process has read the two revisions, the server (asked first) has them too and is comparing.
  await Promise.all([1, 2].map((number) => readRevision({ storyId, number })));
  await expectHealthAnsweredDuring({ request: page.request, heavy });
  const response = await heavy.promise;
  expect(response.status()).toBe(200);
  const { diff } = (await response.json()) as {
    diff: { degraded: boolean; reason: string | null; body: { changed: boolean } };
  };
  expect(diff.body.changed).toBe(true);
  expect(diff.reason !== null).toBe(diff.degraded);

  const history = tracked(page.request.get(`/stories/${slug}/history?from=1&to=2`));
  await Promise.all([1, 2].map((number) => readRevision({ storyId, number })));
  await expectHealthAnsweredDuring({ request: page.request, heavy: history });
  expect((await history.promise).status()).toBe(200);
});

// Guards issue 19 defect 2: 40 KB of "*a" took 13 s to render, and "> " 5,000 times made the desk answer 500.
test("stories whose Markdown would freeze the parser render with the paragraph as plain text and a note, on the desk and for readers", async ({
  page,
}, testInfo) => {
  const editor = await signedInUser({ page, role: "editor" });
  const bodies = {
    emphasis: `The council met on Tuesday.\n\n${"*a".repeat(20_000)}\n\nThe meeting ended at nine.`,
    quotes: `The council met on Tuesday.\n\n${"> ".repeat(5_000)}deep\n\nThe meeting ended at nine.`,
  };
  for (const [name, body] of Object.entries(bodies)) {
    const slug = uniqueSlug(`markdown-${name}`);
    await seedStory({ author: editor, slug, headline: "Council meets", body });

    // Rendered on the worker pool (the body is long): the reader gets the page, health stays up.
    const [response, health] = await Promise.all([
      page.request.get(`/stories/${slug}`),
      page.request.get("/api/health"),
    ]);
    expect(health.status()).toBe(200);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(note);

    await openStory(page, `/desk/stories/${slug}/revisions/1`);
    await expect(page.getByText(note)).toBeVisible();
    await expect(page.getByText("The meeting ended at nine.")).toBeVisible();
    if (name === "quotes") {
      await openStory(page, `/stories/${slug}`);
      await captureScreens({ page, testInfo, name: "markdown-plain-text-note" });
    }
  }
});
