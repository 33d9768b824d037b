import { expect, test } from "@playwright/test";

import { getStoryDetail } from "@/lib/revisions/story-detail";

import { bodyMarkdown } from "./support/body-field";
import { useE2eDatabase } from "./support/database";
import { actorOf, seedStory, signedInUser, uniqueSlug } from "./support/desk-seed";

test.beforeAll(() => {
  useE2eDatabase();
});

// Written the way many writers do, none of it the way the editor itself would write it.
const body = [
  "Storm *closes* __schools__",
  "=========================",
  "",
  "",
  "* North bridge",
  "* South bridge",
  "",
  "Crews worked overnight.  ",
  "Power is back in most homes.",
  "",
  "| Town | Homes |",
  "|:-----|------:|",
  "| Ely  |   120 |",
  "",
  "```",
  "raw <b>code</b>",
  "```",
  "",
  "Officials will update the figures at noon.",
].join("\r\n");

// Guards issue 21: the formatted editor must never rewrite what nobody touched (bullets, emphasis markers,
// setext headings, CRLF, blank lines), or each save becomes a fake change in the diff and the change log.
test("typing in one paragraph of the formatted view changes only that paragraph's Markdown", async ({
  page,
}) => {
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("storm-schools");
  await seedStory({ author: editor, slug, headline: "Storm closes schools", body, publish: false });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();

  await page.getByLabel("Summary").fill("Adds when the figures come");
  const formatted = page.getByRole("textbox", { name: "Body", exact: true });
  await expect(formatted.locator("li")).toHaveCount(2);
  await expect(formatted.locator("pre")).toHaveText("```\nraw <b>code</b>\n```");
  await formatted.getByText("Officials will update the figures at noon.").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Typed <script>alert(1)</script> here.");
  // Ctrl+S saves from inside the editor, as it does from any field.
  await page.keyboard.press("Control+s");
  await expect(page.getByText("Draft saved as revision 2.")).toBeVisible();

  const expected = body.replace("at noon.", "at noon. Typed \\<script>alert(1)\\</script> here.");
  const { latest } = await getStoryDetail({ slug, actor: actorOf(editor) });
  expect(latest.content.body).toBe(expected);

  // The Markdown view shows the same text (a textarea reports its lines with LF), and the choice of view
  // outlives a reload.
  const shown = expected.replace(/\r\n/g, "\n");
  await expect(await bodyMarkdown(page)).toHaveValue(shown);
  await page.reload();
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await expect(page.getByRole("button", { name: "Markdown" })).toHaveAttribute("aria-pressed", "true");
  const textarea = page.getByRole("textbox", { name: "Body", exact: true });
  await expect(textarea).toHaveValue(shown);

  // Typing in the Markdown view keeps the body's CRLF line endings too.
  await page.getByLabel("Summary").fill("Adds a last word");
  await textarea.focus();
  await textarea.press("Control+End");
  await page.keyboard.type(" Last.");
  await page.keyboard.press("Control+s");
  await expect(page.getByText("Draft saved as revision 3.")).toBeVisible();
  const { latest: third } = await getStoryDetail({ slug, actor: actorOf(editor) });
  expect(third.content.body).toBe(`${expected} Last.`);
});
