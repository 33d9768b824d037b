import { createHash } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";

import { getDb } from "@/lib/db/client";
import { ingestPhoto } from "@/lib/media/ingest-photo";
import { exiftoolTags, heicPhoto, wireFixture, wireJpeg } from "@/lib/media/test-photos";
import { saveRevision } from "@/lib/revisions/save-revision";

import { useE2eDatabase } from "./support/database";
import {
  actorOf,
  captureScreens,
  publishFromEditor,
  seedStory,
  signedInUser,
  uniqueSlug,
} from "./support/desk-seed";

test.beforeAll(() => {
  useE2eDatabase();
});

test("an editor uploads a wire photo in the editor, captions prefilled, and readers get it from this origin without GPS", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("border-tank");
  await seedStory({
    author: editor,
    slug,
    headline: "Fighting near the border",
    body: "Tanks moved along the road on Thursday.",
  });

  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  const photo = await wireJpeg({ seed: 90, width: 2000, height: 1333 });
  await page
    .getByLabel("Upload photos")
    .setInputFiles({ name: "AP_26055.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(page.getByLabel("Caption")).toHaveValue(wireFixture.caption, { timeout: 60_000 });
  await expect(page.getByLabel("Credit")).toHaveValue("Evgeniy Maloletka / AP");
  await expect(page.locator(".desk-photo-thumb img")).toHaveJSProperty("complete", true);

  // Alt text is required before publishing; the caption does not count.
  await page.getByLabel("Summary").fill("Adds the wire photo");
  await page.getByRole("button", { name: "Publish update…" }).click();
  const confirm = page.getByRole("dialog", { name: "Publish this change?" });
  await expect(
    confirm.getByText("Alt text of image 1, under “Images”: alt text is required before publishing"),
  ).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Publish now" })).toBeDisabled();
  await confirm.getByRole("button", { name: "Go to it" }).click();
  await expect(page.getByLabel("Alt text (required to publish)")).toBeFocused();
  await page
    .getByLabel("Alt text (required to publish)")
    .fill("A tank drives past a car on fire beside a country road");
  await captureScreens({ page, testInfo, name: "desk-photo-upload" });
  await publishFromEditor({ page });
  await expect(page.getByText(/Published revision 2/)).toBeVisible();

  const reader = await page.context().newPage();
  const response = await reader.goto(`/stories/${slug}`);
  const csp = response!.headers()["content-security-policy"]!;
  expect(csp).toContain("img-src 'self';");
  const img = reader.locator(".story-figure picture img");
  await expect(img).toHaveAttribute("src", /^\/media\/[0-9a-f]{64}\.jpg$/);
  // The fixture is EXIF-rotated (orientation 6): readers get it upright, 1333 × 2000.
  await expect(img).toHaveAttribute("srcset", /\/media\/[0-9a-f]{64}\.jpg 320w, .* 1333w$/);
  await expect(img).toHaveAttribute("width", "1333");
  await expect(img).toHaveAttribute("height", "2000");
  await expect(img).toHaveAttribute("sizes", /42rem/);
  await expect(reader.locator('.story-figure source[type="image/avif"]')).toHaveAttribute(
    "srcset",
    /\/media\/[0-9a-f]{64}\.avif 320w/,
  );
  await expect(reader.locator(".story-figure-credit")).toHaveText("Evgeniy Maloletka / AP");
  await expect(img).toHaveJSProperty("complete", true);
  const loaded = await img.evaluate((element) => (element as HTMLImageElement).currentSrc);
  expect(new URL(loaded).origin).toBe(new URL(reader.url()).origin);
  await captureScreens({ page: reader, testInfo, name: "public-story-photo" });

  // Every served rendition is immutable and carries no GPS, serial number or owner.
  const urls = new Set<string>();
  for (const source of await reader.locator(".story-figure source, .story-figure img").all()) {
    const srcset = await source.getAttribute("srcset");
    for (const candidate of srcset!.split(",")) urls.add(candidate.trim().split(" ")[0]!);
  }
  expect(urls.size).toBeGreaterThanOrEqual(9);
  for (const url of urls) {
    const served = await page.request.get(url);
    expect(served.status()).toBe(200);
    expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const tags = await exiftoolTags({ bytes: await served.body() });
    expect(
      Object.keys(tags).filter((name) => /GPS|Serial|Owner/.test(name)),
      url,
    ).toEqual([]);
  }

  // The library finds it by credit and says where it is used.
  await page.goto("/desk/photos?q=Maloletka");
  const card = page.locator(".photo-card", { hasText: wireFixture.caption }).first();
  await expect(card).toContainText("Used in");
  await expect(card.getByRole("link", { name: slug })).toBeVisible();
  await captureScreens({ page, testInfo, name: "desk-photo-library" });
});

test("compare shows a replaced photo as thumbnails side by side with the caption change marked", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("photo-swap");
  await seedStory({ author: editor, slug, headline: "Photo swap", body: "One paragraph." });
  const actor = actorOf(editor);
  const first = (await ingestPhoto({ actor, bytes: await wireJpeg({ seed: 91, width: 900, height: 600 }) }))
    .photo;
  const second = (await ingestPhoto({ actor, bytes: await wireJpeg({ seed: 92, width: 900, height: 600 }) }))
    .photo;
  await saveRevision({
    actor,
    slug,
    input: {
      baseRevision: 1,
      summary: "Photo",
      images: [{ photoId: first.id, alt: "Tank", caption: "A tank on the road.", credit: first.credit }],
    },
  });
  await saveRevision({
    actor,
    slug,
    input: {
      baseRevision: 2,
      summary: "Better photo",
      images: [
        {
          photoId: second.id,
          alt: "Tank",
          caption: "A tank passes a burning car.",
          credit: "Evgeniy Maloletka / AP Photo",
        },
      ],
    },
  });

  await page.goto(`/desk/stories/${slug}/compare?from=2&to=3`);
  const swap = page.locator(".desk-diff-photo-swap");
  await expect(swap).toContainText("Photo 1 replaced");
  await expect(swap.locator(".desk-diff-photo-before img")).toHaveAttribute(
    "src",
    `/desk/photos/${first.id}/thumbnail`,
  );
  await expect(swap.locator(".desk-diff-photo-after img")).toHaveAttribute(
    "src",
    `/desk/photos/${second.id}/thumbnail`,
  );
  await expect(swap.locator(".desk-diff-photo-after img")).toHaveJSProperty("complete", true);
  await expect(swap.locator("del", { hasText: "A tank on the road." })).toBeVisible();
  await expect(swap.locator("ins", { hasText: "A tank passes a burning car." })).toBeVisible();
  await captureScreens({ page, testInfo, name: "desk-compare-photo" });
});

test("photos can be dropped on the editor or pasted into it", async ({ page }) => {
  test.setTimeout(180_000);
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("drop-paste");
  await seedStory({
    author: editor,
    slug,
    headline: "Drop and paste",
    body: "One paragraph.",
    publish: false,
  });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  const transfer = async (seed: number) => {
    const base64 = (await wireJpeg({ seed, width: 640, height: 480 })).toString("base64");
    return page.evaluateHandle((data) => {
      const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
      const files = new DataTransfer();
      files.items.add(new File([bytes], "wire.jpg", { type: "image/jpeg" }));
      return files;
    }, base64);
  };
  await page.getByTestId("photo-dropzone").dispatchEvent("drop", { dataTransfer: await transfer(94) });
  await expect(page.locator(".desk-photo-thumb img")).toHaveCount(1, { timeout: 60_000 });
  const pasted = await transfer(95);
  await page
    .locator("fieldset", { has: page.getByTestId("photo-dropzone") })
    .evaluate((fieldset, clipboardData) => {
      fieldset.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
    }, pasted);
  await expect(page.locator(".desk-photo-thumb img")).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByLabel("Credit").nth(1)).toHaveValue("Evgeniy Maloletka / AP");
});

test("an iPhone HEIC photo picked in the editor says how to get a JPEG, and adds nothing", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("heic-upload");
  await seedStory({
    author: editor,
    slug,
    headline: "Flooding on the coast road",
    body: "Water covered the road.",
    publish: false,
  });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  // This editor's photos only: other specs upload to the shared database at the same time.
  const mine = { where: { uploadedById: editor.id } };
  const before = await getDb().photo.count(mine);
  await page.getByLabel("Upload photos").setInputFiles({
    name: "IMG_4127.HEIC",
    mimeType: "image/heic",
    buffer: await heicPhoto({ width: 800, height: 600 }),
  });
  await expect(page.getByRole("alert").filter({ hasText: "IMG_4127.HEIC" })).toHaveText(
    "IMG_4127.HEIC: Copydesk can’t read HEIC photos (the iPhone’s usual format) on this server. Export the photo as JPEG and upload that.",
    { timeout: 60_000 },
  );
  await expect(page.locator(".desk-photo-thumb")).toHaveCount(0);
  expect(await getDb().photo.count(mine)).toBe(before);
  // The hint under the drop zone does not offer HEIC either.
  await expect(page.getByTestId("photo-dropzone")).toContainText(
    "JPEG, PNG, WebP, AVIF or GIF, up to 40 MB (HEIC: export as JPEG first)",
  );
  await captureScreens({ page, testInfo, name: "desk-photo-heic-refused" });
});

test("a signed-out upload is refused and stores nothing", async ({ baseURL }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const bytes = await wireJpeg({ seed: 93, width: 400, height: 300 });
  // These bytes only: other specs upload to the shared database at the same time.
  const these = { where: { originalSha256: createHash("sha256").update(bytes).digest("hex") } };
  const desk = await anonymous.post("/desk/photos/upload", {
    headers: { "content-type": "application/octet-stream", origin: baseURL! },
    data: bytes,
  });
  expect(desk.status()).toBe(401);
  const api = await anonymous.post("/api/v1/photos", {
    multipart: { file: { name: "photo.jpg", mimeType: "image/jpeg", buffer: bytes } },
  });
  expect(api.status()).toBe(401);
  const original = await anonymous.get(`/desk/photos/00000000-0000-4000-8000-000000000000/original`);
  expect(original.status()).toBe(401);
  expect(await getDb().photo.count(these)).toBe(0);
  await anonymous.dispose();
});
