import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { saveRevision } from "@/lib/revisions/save-revision";

import { seedUser, signInByApi, type E2eUser } from "./support/auth";
import { useE2eDatabase } from "./support/database";
import { actorOf, captureScreens, seedStory, uniqueSlug } from "./support/desk-seed";

let editor: E2eUser;
const slug = uniqueSlug("transit-strike");

test.beforeAll(async () => {
  useE2eDatabase();
  editor = await seedUser({ role: "editor", name: "Axel Access" });
  await seedStory({
    author: editor,
    slug,
    headline: "Transit workers vote to strike",
    body: "Bus drivers voted on Sunday.\n\nService could stop Wednesday.",
  });
  await saveRevision({
    actor: actorOf(editor),
    slug,
    input: {
      baseRevision: 1,
      body: "Bus drivers voted on Sunday night.\n\nService could stop Wednesday.\n\nTalks resume Tuesday.",
      kind: "correction",
      summary: "Vote time",
      note: "An earlier version gave the wrong day.",
      publish: true,
    },
  });
  await saveRevision({
    actor: actorOf(editor),
    slug,
    input: { baseRevision: 2, dek: "A draft dek", summary: "Dek", publish: false },
  });
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
}

const screens = [
  { name: "desk-stories", path: () => "/desk", editor: false },
  { name: "desk-new", path: () => "/desk/stories/new", editor: true },
  { name: "desk-edit", path: () => `/desk/stories/${slug}`, editor: true },
  { name: "desk-history-a11y", path: () => `/desk/stories/${slug}/history`, editor: false },
  { name: "desk-compare", path: () => `/desk/stories/${slug}/compare?from=1&to=3`, editor: false },
  {
    name: "desk-compare-side-a11y",
    path: () => `/desk/stories/${slug}/compare?from=1&to=3&view=side`,
    editor: false,
  },
  { name: "desk-preview", path: () => `/desk/stories/${slug}/revisions/3`, editor: false },
];

for (const screen of screens) {
  test(`${screen.name}: no serious or critical axe violations at desktop and phone width`, async ({
    page,
  }, testInfo) => {
    await signInByApi({ request: page.request, email: editor.email, password: editor.password });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(screen.path());
      await expect(page.locator("#desk-main")).toBeVisible();
      if (screen.editor) await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
      expect(await seriousViolations(page), `${screen.path()} at ${width}px`).toEqual([]);
    }
    await captureScreens({ page, testInfo, name: screen.name });
  });
}
