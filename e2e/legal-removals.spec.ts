import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";

import { seedUser, type E2eUser } from "./support/auth";
import { useE2eDatabase } from "./support/database";
import { captureScreens, openEditorAs, seedStory, uniqueSlug } from "./support/desk-seed";

test.beforeAll(() => {
  useE2eDatabase();
});

/*
 * Issue 24 in the browser: an admin asks, on the story's desk page, for a passage to be removed on legal
 * advice; another admin finds it waiting, approves it; readers see the notice and never the text. Beside it the
 * refusals: an editor on the desk and in the API, the requester approving their own request, approving a
 * request that was withdrawn or declined, and approving twice.
 */

const passage = "the skipper, Ana Ruiz,";
const body = [
  `The ferry stopped mid-channel, said ${passage} who was at the wheel.`,
  "Service resumes on Monday, the port authority said.",
].join("\n\n");
const notice = "This story was edited on legal advice on December 1, 2026.";

type ApiAnswer = {
  status: number;
  json: { removal?: { number: number; state: string }; error?: { message: string } };
};

/**
 * Looks at a page as a person would: screenshots at 1280 and 390 px, no serious accessibility violation, and
 * nothing sticking out sideways on a phone.
 */
async function lookAt(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await captureScreens({ page, testInfo, name });
  // A toast fading in is measured mid-animation (desk-review-comments.spec.ts leaves it out the same way).
  const results = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  const described = serious.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(described, name).toEqual([]);
  const original = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} at 390 px`).toBe(0);
  if (original) await page.setViewportSize(original);
}

/** The desk's own navigation link to the removals list (the page's crumbs say "Legal removals"). */
const removalsNav = (page: Page) =>
  page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Removals", exact: true });

/** The JSON API from this page's signed-in browser, as the desk's own site would call it. */
async function api(page: Page, path: string, body?: unknown): Promise<ApiAnswer> {
  const response = await page.request.fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: { origin: new URL(page.url()).origin },
    ...(body === undefined ? {} : { data: body }),
  });
  return { status: response.status(), json: (await response.json()) as ApiAnswer["json"] };
}

const request = {
  items: [{ kind: "passage", field: "body", text: passage }],
  internalReason: "Settlement with the skipper's lawyers",
  publicNotice: notice,
  noticePlacement: "foot",
};

async function seedNewsroom(): Promise<{ asker: E2eUser; approver: E2eUser; editor: E2eUser; slug: string }> {
  // Names are credit identities, unique in the directory: each run has its own.
  const tag = randomBytes(3).toString("hex");
  const asker = await seedUser({ role: "admin", name: `Rosa Vega ${tag}` });
  const approver = await seedUser({ role: "admin", name: `Lena Park ${tag}` });
  const editor = await seedUser({ role: "editor" });
  const slug = uniqueSlug("ferry-stopped");
  await seedStory({ author: editor, slug, headline: "Ferry stops mid-channel", body });
  return { asker, approver, editor, slug };
}

test("an admin asks on the story's page; a second admin approves; readers get the notice and never the text", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const { asker, approver, editor, slug } = await seedNewsroom();

  // The requester starts from the story's desk page and chooses the passage in the stored text.
  const asking = await openEditorAs({ browser, user: asker, slug });
  await asking.getByRole("link", { name: "Legal removal…" }).click();
  await expect(asking.getByRole("heading", { name: "Ask for a legal removal" })).toBeVisible();
  const stored = asking.getByLabel(/^Stored text: body, revision 1/);
  await expect(stored).toHaveValue(body);
  const start = body.indexOf(passage);
  await stored.evaluate(
    (area: HTMLTextAreaElement, [from, to]) => {
      area.focus();
      area.setSelectionRange(from!, to!);
    },
    [start, start + passage.length],
  );
  // A keyboard selection as a person makes it: one more character, then one back.
  await stored.press("Shift+ArrowRight");
  await stored.press("Shift+ArrowLeft");
  await expect(asking.getByLabel("Passage to remove")).toHaveValue(passage);
  await asking.getByRole("button", { name: "Add passage" }).click();
  await expect(asking.getByRole("list", { name: "Passages chosen" })).toContainText(passage);
  await expect(asking.getByRole("checkbox", { name: new RegExp(`^${editor.name}`) })).toBeVisible();
  await asking.getByLabel("Internal reason (never shown to readers)").fill(request.internalReason);
  await asking.getByLabel("Public notice").fill(notice);
  await asking.getByRole("radio", { name: "At the foot of the story" }).check();
  await lookAt(asking, testInfo, "legal-removal-form");
  await asking.getByRole("button", { name: "Ask for approval" }).click();

  await expect(asking).toHaveURL(/\/desk\/removals\/\d+$/);
  const number = Number(new URL(asking.url()).pathname.split("/").at(-1));
  await expect(asking.getByText("You asked for this removal. Another admin must approve it")).toBeVisible();
  await expect(asking.getByRole("button", { name: /^Approve/ })).toHaveCount(0);

  // The requester cannot approve through the API either; nothing is removed.
  const own = await api(asking, `/api/v1/removals/${number}/approve`, {});
  expect(own.status).toBe(403);
  expect(own.json.error?.message).toBe("You asked for this removal, so another admin must approve it.");
  await expect(removalsNav(asking)).toBeVisible();

  // The second admin finds it waiting, reads exactly what would go, and approves.
  const approving = await openEditorAs({ browser, user: approver, slug });
  await expect(
    approving.getByText(`Removal ${number}, asked by ${asker.name}, waits for your approval.`),
  ).toBeVisible();
  await lookAt(approving, testInfo, "legal-removal-story-notice");
  await removalsNav(approving).click();
  const waiting = approving.getByRole("table", { name: /^Waiting for you \(\d+\)/ });
  await expect(
    waiting.getByRole("link", { name: `Removal ${number}: Ferry stops mid-channel` }),
  ).toBeVisible();
  await lookAt(approving, testInfo, "legal-removals-list");
  await waiting.getByRole("link", { name: `Removal ${number}: Ferry stops mid-channel` }).click();
  await expect(approving.getByRole("heading", { name: `Removal ${number}` })).toBeVisible();
  await expect(approving.locator(".desk-removal-passage")).toHaveText(passage);
  await lookAt(approving, testInfo, "legal-removal-pending");
  await approving.getByRole("button", { name: "Approve and remove…" }).click();
  const dialog = approving.getByRole("dialog", { name: `Approve removal ${number}?` });
  await expect(dialog.getByRole("button", { name: "Approve and remove" })).toBeDisabled();
  await dialog.getByRole("checkbox", { name: "I understand this cannot be undone." }).check();
  await dialog.getByRole("button", { name: "Approve and remove" }).click();
  await expect(dialog).toBeHidden();
  await expect(approving.getByText("Approved, removed")).toBeVisible();
  await expect(approving.getByRole("heading", { name: "Removal record" })).toBeVisible();
  await expect(approving.getByText(passage)).toHaveCount(0);
  await lookAt(approving, testInfo, "legal-removal-approved");

  // The record can prove what went, without keeping it.
  await approving.getByLabel("Text to check").fill(passage);
  await approving.getByRole("button", { name: "Check" }).click();
  await expect(
    approving.getByRole("status").filter({ hasText: "This text is one that the removal took out." }),
  ).toBeVisible();

  // Approving twice is refused.
  const twice = await api(approving, `/api/v1/removals/${number}/approve`, {});
  expect(twice.status).toBe(409);

  // Readers: the notice, never the text.
  const reader = await browser.newPage();
  const response = await reader.goto(`/stories/${slug}`);
  expect(response?.status()).toBe(200);
  await expect(reader.getByText(notice)).toBeVisible();
  expect(await reader.content()).not.toContain(passage);
  await reader.close();
});

test("an editor is refused on the desk and in the API; withdrawn and declined requests cannot be approved", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const { asker, approver, editor, slug } = await seedNewsroom();

  // The editor: no way in on the desk, a 403 page at the addresses, a 403 from the API, nothing asked.
  const editing = await openEditorAs({ browser, user: editor, slug });
  await expect(editing.getByRole("link", { name: "Legal removal…" })).toHaveCount(0);
  await expect(removalsNav(editing)).toHaveCount(0);
  expect((await editing.goto("/desk/removals"))?.status()).toBe(403);
  expect((await editing.goto(`/desk/stories/${slug}/legal-removal`))?.status()).toBe(403);
  const refused = await api(editing, `/api/v1/stories/${slug}/removals`, request);
  expect(refused.status).toBe(403);
  expect((await api(editing, "/api/v1/removals")).status).toBe(403);

  // A request withdrawn by its admin on the desk cannot then be approved.
  const asking = await openEditorAs({ browser, user: asker, slug });
  const first = await api(asking, `/api/v1/stories/${slug}/removals`, request);
  expect(first.status).toBe(201);
  const withdrawnNumber = first.json.removal!.number;
  await asking.goto(`/desk/removals/${withdrawnNumber}`);
  await asking.getByRole("button", { name: "Withdraw request…" }).click();
  const withdrawDialog = asking.getByRole("dialog", { name: `Withdraw removal ${withdrawnNumber}?` });
  await withdrawDialog.getByLabel("Reason (optional)").fill("The order was lifted.");
  await withdrawDialog.getByRole("button", { name: "Withdraw request" }).click();
  await expect(asking.getByText("Withdrawn", { exact: true })).toBeVisible();

  const approving = await openEditorAs({ browser, user: approver, slug });
  await approving.goto(`/desk/removals/${withdrawnNumber}`);
  await expect(approving.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
  const lateApproval = await api(approving, `/api/v1/removals/${withdrawnNumber}/approve`, {});
  expect(lateApproval.status).toBe(409);

  // A request declined on the desk (a reason is required) cannot then be approved.
  const second = await api(asking, `/api/v1/stories/${slug}/removals`, request);
  const declinedNumber = second.json.removal!.number;
  await approving.goto(`/desk/removals/${declinedNumber}`);
  await approving.getByRole("button", { name: "Decline…" }).click();
  const declineDialog = approving.getByRole("dialog", { name: `Decline removal ${declinedNumber}?` });
  await declineDialog.getByRole("button", { name: "Decline request" }).click();
  await expect(declineDialog.getByRole("alert")).toBeVisible();
  await declineDialog.getByLabel("Reason (required)").fill("The passage is not what the order names.");
  await declineDialog.getByRole("button", { name: "Decline request" }).click();
  await expect(declineDialog).toBeHidden();
  await expect(approving.getByText("Declined", { exact: true })).toBeVisible();
  await lookAt(approving, testInfo, "legal-removal-declined");
  const afterDecline = await api(approving, `/api/v1/removals/${declinedNumber}/approve`, {});
  expect(afterDecline.status).toBe(409);

  // Nothing was removed: readers still have the text, and no notice.
  const reader = await browser.newPage();
  await reader.goto(`/stories/${slug}`);
  await expect(reader.getByText(passage, { exact: false })).toBeVisible();
  await expect(reader.getByText(notice)).toHaveCount(0);
  await reader.close();
});
