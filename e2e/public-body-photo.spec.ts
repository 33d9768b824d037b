import { expect, test } from "@playwright/test";

import { plainJpeg } from "@/lib/media/test-photos";
import { formatBodyPhotoLine } from "@/lib/render/body-photo-line";

import { useE2eDatabase } from "./support/database";
import { captureScreens, uniqueSlug } from "./support/desk-seed";
import { createPublishedStory, publisherFetch, seedPublisher, type Publisher } from "./support/public-api";

let publisher: Publisher;

test.beforeAll(async () => {
  useE2eDatabase();
  publisher = await seedPublisher();
});

const paragraphs = [
  "A barge struck a pier of the Harbor Bridge early Wednesday, and the city closed the span in both directions while engineers inspect it.",
  "No injuries were reported. The Coast Guard said the barge lost power about 4:30 a.m. and drifted for twenty minutes before it hit the pier.",
  "The tunnel will stay open around the clock. Buses on Route 12 are being diverted, and ferries will run every fifteen minutes until the bridge reopens.",
  "Engineers expect to finish their first inspection by Friday, the transportation department said.",
];
const placed = {
  alt: "A tugboat pushes a barge away from a concrete bridge pier",
  caption: "Tugboats pulled the barge clear of the pier on Wednesday afternoon.",
  credit: "Ana Ruiz/Copydesk Photo",
};

test("a photo placed mid-body shows between its paragraphs with its caption and credit", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const upload = await request.post("/api/v1/photos", {
    headers: { authorization: `Bearer ${publisher.token}` },
    multipart: {
      file: {
        name: "harbor-barge.jpg",
        mimeType: "image/jpeg",
        buffer: await plainJpeg({ seed: 5, width: 1600, height: 1000 }),
      },
    },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const { photo } = (await upload.json()) as { photo: { id: string } };

  const slug = uniqueSlug("body-photo");
  const line = formatBodyPhotoLine({ photoId: photo.id, ...placed });
  await createPublishedStory({
    request,
    publisher,
    story: {
      slug,
      headline: "Harbor Bridge closed after barge strikes pier",
      dek: "Engineers are inspecting the span; commuters are urged to use the tunnel.",
      byline: "By Maria Lopez",
      body: [paragraphs[0], paragraphs[1], line, paragraphs[2], paragraphs[3]].join("\n\n"),
      credits: [{ name: "Maria Lopez", role: "byline" }],
    },
  });

  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`/stories/${slug}`);
  const figure = page.locator(".story-body > figure.story-figure");
  await expect(figure).toHaveCount(1);
  await expect(figure.locator("xpath=preceding-sibling::*[1]")).toHaveText(paragraphs[1] ?? "");
  await expect(figure.locator("xpath=following-sibling::*[1]")).toHaveText(paragraphs[2] ?? "");
  await expect(figure.locator(".story-figure-caption")).toHaveText(placed.caption);
  await expect(figure.locator(".story-figure-credit")).toHaveText(placed.credit);
  const image = figure.locator("picture img");
  await expect(image).toHaveAttribute("alt", placed.alt);
  await expect(image).toHaveAttribute("src", /^\/media\/[0-9a-f]{64}\.jpg$/);
  await image.scrollIntoViewIfNeeded();
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBeGreaterThan(0);
  await expect(page.locator(".story-body")).not.toContainText("::photo");
  // The only figure is the placed one: a story without listed images has no lead.
  await expect(page.locator("figure")).toHaveCount(1);
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
  ) as { image?: string[] };
  expect(jsonLd.image).toEqual([expect.stringMatching(/\/media\/[0-9a-f]{64}\.jpg$/)]);
  expect(violations).toEqual([]);

  await captureScreens({ page, testInfo, name: "public-body-photo" });

  // A save that places a photo the library does not have is refused, naming the paragraph.
  const refused = await publisherFetch({
    request,
    publisher,
    method: "POST",
    path: `/api/v1/stories/${slug}/revisions`,
    body: {
      baseRevision: 1,
      summary: "Another photo",
      body: `${paragraphs[0]}\n\n${formatBodyPhotoLine({ ...placed, photoId: "00000000-0000-4000-8000-000000000000" })}`,
    },
  });
  expect(refused.status).toBe(400);
  expect(JSON.stringify(refused.json)).toContain(
    "The photo in paragraph 2 is not in the photo library: choose it again or remove it.",
  );
});
