import { expect, test } from "@playwright/test";

import { getStoryDetail } from "@/lib/revisions/story-detail";

import { seedUser } from "./support/auth";
import { fillBodyMarkdown } from "./support/body-field";
import { useE2eDatabase } from "./support/database";
import {
  actorOf,
  captureScreens,
  openEditorAs,
  publishFromEditor,
  seedStory,
  uniqueSlug,
} from "./support/desk-seed";

test.beforeAll(() => {
  useE2eDatabase();
});

// Two signed-in browsers, heartbeats and a publish confirmation each on a shared machine: a generous budget.
test.describe.configure({ timeout: 150_000 });

const paragraphs = [
  "The storm reached the coast on Monday night.",
  "Power is out in much of the county.",
  "Shelters are open at two schools.",
];

test("two editors change different paragraphs at once; the second merges and publishes, and both edits survive", async ({
  browser,
}, testInfo) => {
  const ana = await seedUser({ role: "editor", name: "Ana Alvarez" });
  const ben = await seedUser({ role: "editor", name: "Ben Brooks" });
  const slug = uniqueSlug("coastal-storm");
  await seedStory({ author: ana, slug, headline: "Storm hits the coast", body: paragraphs.join("\n\n") });

  const anaPage = await openEditorAs({ browser, user: ana, slug });
  const benPage = await openEditorAs({ browser, user: ben, slug });
  await expect(benPage.getByText(/Also open now: Ana Alvarez/)).toBeVisible({ timeout: 20_000 });

  await fillBodyMarkdown(
    anaPage,
    [paragraphs[0], "Power is out for 40,000 homes in the county.", paragraphs[2]].join("\n\n"),
  );
  await anaPage.getByLabel("Summary").fill("Outage figure");
  await fillBodyMarkdown(
    benPage,
    [paragraphs[0], paragraphs[1], "Shelters are open at two schools and the library."].join("\n\n"),
  );
  await benPage.getByLabel("Summary").fill("Adds the library shelter");

  await publishFromEditor({ page: anaPage });
  await expect(anaPage.getByText("Published revision 2. Readers see it now.")).toBeVisible();

  // Ben's next heartbeat learns of revision 2 and warns him before he publishes over it.
  await expect(
    benPage.getByText(/Revision 2 was saved after the version you are editing \(revision 1\)/),
  ).toBeVisible({ timeout: 20_000 });
  await publishFromEditor({ page: benPage });
  await expect(
    benPage.getByRole("heading", { name: "Someone saved this story while you were editing" }),
  ).toBeVisible();
  await expect(benPage.getByText(/the two sets of edits touch different parts of the story/)).toBeVisible();
  await captureScreens({ page: benPage, testInfo, name: "desk-merge-clean" });
  await benPage.getByRole("button", { name: "Publish merged version" }).click();
  await benPage
    .getByRole("dialog", { name: "Publish this change?" })
    .getByRole("button", { name: "Publish now" })
    .click();
  await expect(benPage.getByText("Published revision 3. Readers see it now.")).toBeVisible();

  const { latest, story } = await getStoryDetail({ slug, actor: actorOf(ana) });
  expect(story.liveRevisionNumber).toBe(3);
  expect(latest.content.body).toBe(
    [
      "The storm reached the coast on Monday night.",
      "Power is out for 40,000 homes in the county.",
      "Shelters are open at two schools and the library.",
    ].join("\n\n"),
  );
  const reader = await benPage.context().newPage();
  await reader.goto(`/stories/${slug}`);
  await expect(reader.locator("article")).toContainText("40,000 homes");
  await expect(reader.locator("article")).toContainText("and the library");
});

test("when both editors change the same paragraph, the second picks a side and publishes it", async ({
  browser,
}, testInfo) => {
  const ana = await seedUser({ role: "editor" });
  const ben = await seedUser({ role: "editor" });
  const slug = uniqueSlug("bridge-closure");
  await seedStory({
    author: ana,
    slug,
    headline: "Bridge closes for repairs",
    body: paragraphs.join("\n\n"),
  });
  const anaPage = await openEditorAs({ browser, user: ana, slug });
  const benPage = await openEditorAs({ browser, user: ben, slug });

  await fillBodyMarkdown(
    anaPage,
    ["The storm reached the coast late on Monday.", paragraphs[1], paragraphs[2]].join("\n\n"),
  );
  await anaPage.getByLabel("Summary").fill("Timing");
  await publishFromEditor({ page: anaPage });
  await expect(anaPage.getByText("Published revision 2. Readers see it now.")).toBeVisible();

  await fillBodyMarkdown(
    benPage,
    ["The storm made landfall at 11 p.m. Monday.", paragraphs[1], paragraphs[2]].join("\n\n"),
  );
  await benPage.getByLabel("Summary").fill("Landfall time");
  await publishFromEditor({ page: benPage });
  await expect(benPage.getByText("1 of 1 place needs your decision", { exact: false })).toBeVisible();
  await expect(benPage.getByRole("button", { name: "Publish merged version" })).toBeDisabled();
  await captureScreens({ page: benPage, testInfo, name: "desk-merge-conflict" });
  await benPage.getByLabel("Keep yours").check();
  await benPage.getByRole("button", { name: "Publish merged version" }).click();
  await benPage
    .getByRole("dialog", { name: "Publish this change?" })
    .getByRole("button", { name: "Publish now" })
    .click();
  await expect(benPage.getByText("Published revision 3. Readers see it now.")).toBeVisible();

  const { latest } = await getStoryDetail({ slug, actor: actorOf(ana) });
  expect(latest.content.body).toBe(
    ["The storm made landfall at 11 p.m. Monday.", paragraphs[1], paragraphs[2]].join("\n\n"),
  );
});
