import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

import { getDb } from "@/lib/db/client";
import { createStory } from "@/lib/revisions/create-story";
import { saveRevision } from "@/lib/revisions/save-revision";

import { seedUser, signInByApi } from "./support/auth";
import { fillBodyMarkdown } from "./support/body-field";
import { useE2eDatabase } from "./support/database";
import { actorOf, captureScreens, openEditorAs, seedStory, uniqueSlug } from "./support/desk-seed";

test.beforeAll(() => {
  useE2eDatabase();
});

// Two signed-in browsers, confirmations that read from the server and a production build on a shared machine.
test.describe.configure({ timeout: 150_000 });

const suffix = () => Math.random().toString(36).slice(2, 6);

/** Serious or critical axe findings inside one dialog. */
async function dialogViolations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => violation.id);
}

async function scheduleCount(slug: string): Promise<number> {
  return getDb().schedule.count({ where: { story: { slug } } });
}

const paragraphs = [
  "The storm reached the coast on Monday night.",
  "Power is out in much of the county.",
  "Shelters are open at two schools.",
];

test("merge: the preview beside 'Merged by itself' shows both editors' changes, and the confirmation credits the colleague's (defect 3)", async ({
  browser,
}, testInfo) => {
  const ana = await seedUser({ role: "editor", name: `Ana Alvarez ${suffix()}` });
  const ben = await seedUser({ role: "editor", name: `Ben Brooks ${suffix()}` });
  const slug = uniqueSlug("merge-preview");
  await seedStory({ author: ana, slug, headline: "Storm hits the coast", body: paragraphs.join("\n\n") });
  const anaPage = await openEditorAs({ browser, user: ana, slug });
  const benPage = await openEditorAs({ browser, user: ben, slug });

  await fillBodyMarkdown(
    anaPage,
    [paragraphs[0], "Power is out for 40,000 homes in the county.", paragraphs[2]].join("\n\n"),
  );
  await anaPage.getByLabel("Summary").fill("Outage figure");
  await anaPage.getByRole("button", { name: "Save draft" }).click();
  await expect(anaPage.getByText("Draft saved as revision 2.")).toBeVisible();

  await fillBodyMarkdown(
    benPage,
    [paragraphs[0], paragraphs[1], "Shelters are open at two schools and the library."].join("\n\n"),
  );
  await benPage.getByLabel("Summary").fill("Adds the library shelter");
  await benPage.getByRole("button", { name: "Publish update…" }).click();
  await benPage
    .getByRole("dialog", { name: "Publish this change?" })
    .getByRole("button", { name: "Publish now" })
    .click();
  await expect(benPage.getByText(/Merged by itself/)).toBeVisible();

  const preview = benPage.getByRole("region", { name: "Live preview" });
  await expect(preview).toContainText("40,000 homes");
  await expect(preview).toContainText("and the library");
  await expect(preview).toContainText("Merged version (yours and theirs)");

  await benPage.getByRole("button", { name: "Publish merged version" }).click();
  const confirm = benPage.getByRole("dialog", { name: "Publish this change?" });
  const goesOut = confirm.getByRole("region", { name: "What goes out" });
  await expect(goesOut).toContainText("40,000 homes");
  await expect(goesOut).toContainText("and the library");
  await expect(goesOut.locator("li", { hasText: `${ana.name}, draft revision 2` })).toContainText(
    "Power is out for 40,000 homes in the county.",
  );
  await expect(goesOut.locator("li", { hasText: "You (this form, not saved yet)" })).toContainText(
    "Shelters are open at two schools and the library.",
  );
  expect(await dialogViolations(benPage, "dialog[open]")).toEqual([]);
  await captureScreens({ page: benPage, testInfo, name: "desk-publish-confirm-merged" });
  await confirm.getByRole("button", { name: "Publish now" }).click();
  await expect(benPage.getByText("Published revision 3. Readers see it now.")).toBeVisible();
});

test("the confirmation names what is missing where it is and offers 'Publish now' only once it is filled in (defect 4)", async ({
  page,
}, testInfo) => {
  const editor = await seedUser({ role: "editor" });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  const slug = uniqueSlug("missing-items");
  await seedStory({
    author: editor,
    slug,
    headline: "Ferry service resumes",
    body: "Ferries sail again.\n\nThree boats run.",
  });

  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await page.getByLabel("Kind of change").selectOption("correction");
  await fillBodyMarkdown(page, "Ferries sail again.\n\nFour boats run.");
  await page.getByRole("button", { name: "Publish update…" }).click();
  const confirm = page.getByRole("dialog", { name: "Publish this change?" });
  await expect(confirm.getByRole("button", { name: "Publish now" })).toBeDisabled();
  const missing = confirm.getByRole("note").filter({ hasText: "Before this can be published" });
  await expect(missing).toContainText("Public summary, under “This change”");
  await expect(missing).toContainText(
    "Public note, under “This change”: a correction needs a public note for readers",
  );
  await expect(confirm.getByText("Missing: readers see it in the change log")).toBeVisible();
  await expect(confirm.getByRole("region", { name: "What goes out" })).toContainText("Four");
  expect(await dialogViolations(page, "dialog[open]")).toEqual([]);
  await captureScreens({ page, testInfo, name: "desk-publish-confirm-missing" });

  await missing.locator("li", { hasText: "Public note" }).getByRole("button", { name: "Go to it" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByLabel("Public note")).toBeFocused();
  await page.getByLabel("Public note").fill("An earlier version gave the wrong number of boats.");
  await page.getByLabel("Summary").fill("Boat count");
  await page.getByRole("button", { name: "Publish update…" }).click();
  await expect(confirm.getByRole("note").filter({ hasText: "Before this can be published" })).toHaveCount(0);
  await confirm.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Published revision 2. Readers see it now.")).toBeVisible();
});

test("a publish that changes nothing readers see says so before 'Publish now' (defect 3: a sentence added in one draft, removed in the next)", async ({
  page,
}) => {
  const editor = await seedUser({ role: "editor" });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  const slug = uniqueSlug("nothing-changes");
  await seedStory({ author: editor, slug, headline: "Pool opens", body: "The pool opens Saturday." });
  await saveRevision({
    actor: actorOf(editor),
    slug,
    input: { baseRevision: 1, summary: "Hours", body: "The pool opens Saturday.\n\nIt closes at 8 p.m." },
  });
  await saveRevision({
    actor: actorOf(editor),
    slug,
    input: { baseRevision: 2, summary: "Hours unconfirmed", body: "The pool opens Saturday." },
  });

  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await page.getByRole("button", { name: "Publish update…" }).click();
  const confirm = page.getByRole("dialog", { name: "Publish this change?" });
  await expect(confirm.getByRole("status").filter({ hasText: "Nothing readers see changes" })).toContainText(
    "“Updated” will not move.",
  );
  await expect(confirm.getByRole("region", { name: "What goes out" })).toHaveCount(0);
});

test("a story's first publication from the editor asks for what the save needs instead of failing after 'Publish now' (defect 4)", async ({
  page,
}) => {
  const editor = await seedUser({ role: "editor" });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  const slug = uniqueSlug("first-publication");
  await createStory({
    actor: actorOf(editor),
    input: {
      slug,
      headline: "Library reopens",
      body: "The library reopens Monday.",
      images: [{ url: "/favicon.ico", alt: "", caption: "The reading room" }],
      publish: false,
    },
  });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await page.getByRole("button", { name: "Publish story…" }).click();
  const confirm = page.getByRole("dialog", { name: "Publish this story?" });
  await expect(confirm.getByRole("button", { name: "Publish now" })).toBeDisabled();
  await expect(confirm).toContainText("None: a first publication has no change log entry");
  const missing = confirm.getByRole("note").filter({ hasText: "Before this can be published" });
  await expect(missing).toContainText("Public summary");
  await expect(missing).toContainText(
    "Alt text of image 1, under “Images”: alt text is required before publishing",
  );
});

test("Enter in 'What changed, for readers' never schedules; the button opens the confirmation first (defect 5)", async ({
  page,
}) => {
  const editor = await seedUser({ role: "editor" });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  const slug = uniqueSlug("enter-schedule");
  await seedStory({ author: editor, slug, headline: "Council budget vote", body: "The council meets." });
  await saveRevision({
    actor: actorOf(editor),
    slug,
    input: { baseRevision: 1, summary: "Adds the vote", body: "The council meets.\n\nThe budget passed." },
  });

  await page.goto(`/desk/stories/${slug}`);
  await page.getByLabel(/Goes live at/).fill("2027-06-15T16:00");
  await page.getByLabel("What changed, for readers").fill("Adds the vote");
  await page.getByLabel("What changed, for readers").press("Enter");
  // The deliberate way, after the Enter: if Enter had scheduled, the schedule would already be written.
  await page.getByRole("button", { name: "Schedule…" }).click();
  const confirm = page.getByRole("dialog", { name: "Schedule revision 2?" });
  await expect(confirm).toContainText("4:00 PM EDT");
  expect(await scheduleCount(slug)).toBe(0);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.locator("[data-schedule-state]")).toHaveCount(0);
  expect(await scheduleCount(slug)).toBe(0);
});

test("after 'Save draft' the new draft is offered for scheduling without a reload, and the confirmation shows what goes out and when (defect 5)", async ({
  page,
}, testInfo) => {
  const editor = await seedUser({ role: "editor" });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  const slug = uniqueSlug("draft-then-schedule");
  await seedStory({
    author: editor,
    slug,
    headline: "Harbor bridge closes",
    body: "The bridge closes Friday.",
  });

  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await fillBodyMarkdown(page, "The bridge closes Friday.\n\nDetours run through Elm Street.");
  await page.getByLabel("Summary").fill("Adds the detour");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved as revision 2.")).toBeVisible();

  const draft = page.getByLabel("Draft to schedule");
  await expect(draft).toHaveValue("2");
  await expect(draft.locator("option:checked")).toContainText(`Revision 2 · Update · ${editor.name}`);
  await page.getByLabel(/Goes live at/).fill("2027-06-15T16:00");
  await page.getByLabel("What changed, for readers").fill("Adds the detour");
  await page.getByRole("button", { name: "Schedule…" }).click();
  const confirm: Locator = page.getByRole("dialog", { name: "Schedule revision 2?" });
  await expect(confirm).toContainText("It goes live at June 15, 2027");
  const goesOut = confirm.getByRole("region", { name: "What goes out" });
  await expect(goesOut.locator("ins", { hasText: "Detours run through Elm Street." })).toBeVisible();
  await expect(goesOut).toContainText(`${editor.name}, draft revision 2`);
  expect(await dialogViolations(page, "dialog[open]")).toEqual([]);
  await captureScreens({ page, testInfo, name: "desk-schedule-confirm" });
  await confirm.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page.locator("[data-schedule-state=pending]")).toContainText("Revision 2 at");
  expect(await scheduleCount(slug)).toBe(1);
});

test("compare of a correction with the next update does not strike the correction's note while readers still see it (defect 6)", async ({
  page,
}) => {
  const editor = await seedUser({ role: "editor" });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  const slug = uniqueSlug("note-compare");
  const note = "An earlier version misstated the number of ferries.";
  await seedStory({ author: editor, slug, headline: "Ferries return", body: "Two ferries run." });
  await saveRevision({
    actor: actorOf(editor),
    slug,
    input: {
      baseRevision: 1,
      kind: "correction",
      summary: "Ferry count",
      note,
      body: "Three ferries run.",
      publish: true,
    },
  });
  await saveRevision({
    actor: actorOf(editor),
    slug,
    input: {
      baseRevision: 2,
      summary: "Adds the timetable",
      body: "Three ferries run.\n\nThey sail hourly.",
      publish: true,
    },
  });

  const reader = await page.context().newPage();
  await reader.goto(`/stories/${slug}`);
  await expect(reader.locator("article")).toContainText(note);

  await page.goto(`/desk/stories/${slug}/compare?from=2&to=3`);
  await expect(page.locator("ins", { hasText: "They sail hourly." })).toBeVisible();
  await expect(page.locator("del", { hasText: "misstated the number of ferries" })).toHaveCount(0);

  await page.goto(`/desk/stories/${slug}/compare?from=1&to=3`);
  await expect(page.getByText("Notes printed on the story")).toBeVisible();
  await expect(page.locator("ins", { hasText: "misstated the number of ferries" })).toBeVisible();

  await reader.goto(`/stories/${slug}/history?from=2&to=3`);
  await expect(reader.locator("del", { hasText: "misstated the number of ferries" })).toHaveCount(0);
});
