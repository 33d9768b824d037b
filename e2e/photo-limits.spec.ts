import { expect, test } from "@playwright/test";

import { getDb } from "@/lib/db/client";
import { mediaLimits } from "@/lib/media/media-limits";
import { deeplyNestedXmpPng, flatPng } from "@/lib/media/test-photos";

import { useE2eDatabase } from "./support/database";
import { captureScreens, publishFromEditor, seedStory, signedInUser, uniqueSlug } from "./support/desk-seed";

test.beforeAll(() => {
  useE2eDatabase();
});

// Issue 19.3: this file froze the instance for 26 s and prefilled a 1.19-million-character caption.
test("a photo whose XMP is nested 80,000 deep is added with an empty caption, and a note tells the editor why", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const contributor = await signedInUser({ page, role: "contributor" });
  const slug = uniqueSlug("xmp-bomb");
  await seedStory({
    author: contributor,
    slug,
    headline: "Harbour cranes",
    body: "The cranes stood still on Monday.",
    publish: false,
  });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();

  await page.getByLabel("Upload photos").setInputFiles({
    name: "cranes.png",
    mimeType: "image/png",
    buffer: await deeplyNestedXmpPng({ depth: 80_000 }),
  });
  await expect(page.locator(".desk-photo-thumb img")).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByRole("status").filter({ hasText: "cranes.png" })).toHaveText(
    "cranes.png: The file’s XMP metadata was nested too deeply to read, so anything only it held (caption, credit) is missing: type it in.",
  );
  await expect(page.getByLabel("Caption")).toHaveValue("");
  await captureScreens({ page, testInfo, name: "desk-photo-metadata-note" });

  // The library stays light: no runaway caption was stored.
  await page.goto("/desk/photos");
  const caption = await getDb().photo.findFirstOrThrow({
    where: { uploadedBy: { email: contributor.email } },
    select: { caption: true },
  });
  expect(caption.caption).toBe("");
});

// Issue 19.8: a 1080 × 20,000 PNG was refused as "damaged or incomplete".
test("an editor uploads a 1080 × 20,000 photo; the editor, the library and readers show it", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("tall-photo");
  await seedStory({
    author: editor,
    slug,
    headline: "The whole river, source to sea",
    body: "One long picture follows the river.",
  });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();

  await page.getByLabel("Upload photos").setInputFiles({
    name: "river.png",
    mimeType: "image/png",
    buffer: await flatPng({ width: 1080, height: 20_000, seed: 7 }),
  });
  const thumb = page.locator(".desk-photo-thumb img");
  await expect(thumb).toHaveJSProperty("complete", true, { timeout: 90_000 });
  await expect(page.getByTestId("photo-dropzone").getByRole("alert")).toHaveCount(0);
  // The thumbnail shows the photo's top rather than a strip as tall as the page.
  const box = (await thumb.boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(box.width * 2);
  await page
    .getByLabel("Alt text (required to publish)")
    .fill("A river drawn from its source in the hills to the sea");
  await page.getByLabel("Summary").fill("Adds the river picture");
  await captureScreens({ page, testInfo, name: "desk-tall-photo" });
  await publishFromEditor({ page });
  await expect(page.getByText(/Published revision 2/)).toBeVisible();

  await page.goto("/desk/photos");
  await expect(page.locator(".photo-card", { hasText: "1080 × 20000" }).first()).toBeVisible();
  await captureScreens({ page, testInfo, name: "desk-photo-library-tall" });

  const reader = await page.context().newPage();
  await reader.goto(`/stories/${slug}`);
  const img = reader.locator(".story-figure picture img");
  await expect(img).toHaveAttribute("width", "1080");
  await expect(img).toHaveAttribute("height", "20000");
  await expect(img).toHaveJSProperty("complete", true);
  expect(await img.evaluate((element) => (element as HTMLImageElement).naturalHeight)).toBeLessThanOrEqual(
    mediaLimits.maxRenditionSide,
  );
  await reader.screenshot({ path: "artifacts/screenshots/public-tall-photo-1280.png" });
});
