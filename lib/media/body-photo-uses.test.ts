import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { readPublishedStory } from "@/lib/public/published-story";
import { formatBodyPhotoLine, type BodyPhoto } from "@/lib/render/body-photo-line";
import { renderStoryPage } from "@/lib/render/story-page";
import { createStory } from "@/lib/revisions/create-story";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { restoreRevision } from "@/lib/revisions/restore-revision";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory, historyCounts } from "@/lib/revisions/test-stories";

import { ingestPhoto } from "./ingest-photo";
import { plainJpeg } from "./test-photos";

const ghostId = "00000000-0000-4000-8000-000000000000";

describe("photos placed in the body", { timeout: 240_000 }, () => {
  let editor: Actor;
  let ferryId: string;
  let pierId: string;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    const ingest = async (seed: number) =>
      (await ingestPhoto({ actor: editor, bytes: await plainJpeg({ seed, width: 1200, height: 800 }) })).photo
        .id;
    ferryId = await ingest(41);
    pierId = await ingest(42);
  });

  const line = (photo: Partial<BodyPhoto> = {}) =>
    formatBodyPhotoLine({
      photoId: ferryId,
      alt: "A ferry at the flooded pier",
      caption: "The ferry kept running.",
      credit: "Ana Diaz/Ledger",
      ...photo,
    });

  it("shows readers the photo in place, from this origin, and lists it in JSON-LD", async () => {
    await createTestStory({ actor: editor, slug: "body-photo-public" });
    const body = `The river crested at 28 feet.\n\n${line()}\n\nOfficials lifted the order.`;
    await saveRevision({
      actor: editor,
      slug: "body-photo-public",
      input: { baseRevision: 1, summary: "Photo", body, publish: true },
    });
    const { article, liveRevisionNumber } = await readPublishedStory({ slug: "body-photo-public" });
    expect(article.bodyPhotos).toEqual([
      {
        photoId: ferryId,
        url: expect.stringMatching(/^\/media\/[0-9a-f]{64}\.jpg$/),
        picture: expect.objectContaining({ width: 1200, height: 800 }),
      },
    ]);
    const html = renderStoryPage({ article, liveRevisionNumber, origin: "https://news.example" });
    expect(html).toMatch(
      /<p>The river crested at 28 feet\.<\/p>\n<figure class="story-figure"><picture><source type="image\/avif" srcset="\/media\/[0-9a-f]{64}\.avif 320w, [^"]+"[^>]*>.*?alt="A ferry at the flooded pier" loading="lazy".*?<figcaption><span class="story-figure-caption">The ferry kept running\.<\/span><span class="story-figure-credit">Ana Diaz\/Ledger<\/span><\/figcaption><\/figure>\n<p>Officials lifted the order\.<\/p>/,
    );
    expect(html).not.toContain("::photo");
    expect(html).toContain(`"image":["https://news.example${article.bodyPhotos[0]?.url}"]`);
  });

  it("refuses a body photo that is not in the library, naming its paragraph, and saves nothing", async () => {
    await createTestStory({ actor: editor, slug: "body-photo-ghost" });
    const before = await historyCounts({ slug: "body-photo-ghost" });
    const uses = await getDb().photoUse.count();
    const body = `One.\n\nTwo.\n\nThree.\n\n${line({ photoId: ghostId })}\n\nFive.`;
    const error = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "body-photo-ghost",
        input: { baseRevision: 1, summary: "Photo", body },
      }),
    );
    const sentence = "The photo in paragraph 4 is not in the photo library: choose it again or remove it.";
    expect(error).toMatchObject({
      code: "validation_failed",
      userMessage: sentence,
      details: { fields: [{ path: "body", message: sentence }] },
    });
    expect(await historyCounts({ slug: "body-photo-ghost" })).toEqual(before);
    expect(await getDb().photoUse.count()).toBe(uses);

    // Creating a story (the API's POST /stories) goes through the same check.
    const created = await appErrorOf(
      createStory({
        actor: editor,
        input: {
          slug: "body-photo-ghost-new",
          headline: "Ghost",
          body: line({ photoId: ghostId }),
          credits: [{ name: "Test Reporter", role: "byline" }],
        },
      }),
    );
    expect(created.userMessage).toBe(sentence.replace("paragraph 4", "paragraph 1"));
    expect(await getDb().story.count({ where: { slug: "body-photo-ghost-new" } })).toBe(0);
  });

  it("refuses a photo line that cannot be read, saying what is wrong with it", async () => {
    await createTestStory({ actor: editor, slug: "body-photo-garbled" });
    const before = await historyCounts({ slug: "body-photo-garbled" });
    const error = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "body-photo-garbled",
        input: { baseRevision: 1, summary: "Photo", body: 'Lede.\n\n::photo{id="ferry" alt="A ferry"}' },
      }),
    );
    expect(error.userMessage).toBe(
      'The photo line in paragraph 2 names "ferry", which is not a photo id: choose the photo again or remove the line.',
    );
    expect(error.details).toMatchObject({ fields: [{ path: "body" }] });
    expect(await historyCounts({ slug: "body-photo-garbled" })).toEqual(before);
  });

  it("saves a body photo without alt as a draft but refuses to publish it, however it is published", async () => {
    await createTestStory({ actor: editor, slug: "body-photo-no-alt" });
    const body = `Lede.\n\n${line({ alt: " " })}`;
    const refused = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "body-photo-no-alt",
        input: { baseRevision: 1, summary: "Photo", body, publish: true },
      }),
    );
    expect(refused).toMatchObject({
      code: "validation_failed",
      userMessage: expect.stringMatching(
        /^The photo in paragraph 2 needs alt text before the story is published/,
      ),
      details: { fields: [{ path: "body" }] },
    });
    expect(await getDb().revision.count({ where: { story: { slug: "body-photo-no-alt" } } })).toBe(1);

    const draft = await saveRevision({
      actor: editor,
      slug: "body-photo-no-alt",
      input: { baseRevision: 1, summary: "Photo", body },
    });
    const publishDraft = await appErrorOf(
      publishRevision({ actor: editor, slug: "body-photo-no-alt", number: draft.revision.number }),
    );
    expect(publishDraft.userMessage).toMatch(/^The photo in paragraph 2 needs alt text/);
    const story = await getDb().story.findUniqueOrThrow({ where: { slug: "body-photo-no-alt" } });
    expect(story.liveRevisionNumber).toBeNull();
  });

  it("records body photos after the listed images, so a photo used only in a body cannot be deleted", async () => {
    await createTestStory({ actor: editor, slug: "body-photo-uses" });
    const saved = await saveRevision({
      actor: editor,
      slug: "body-photo-uses",
      input: {
        baseRevision: 1,
        summary: "Photos",
        images: [
          { photoId: ferryId, alt: "A ferry" },
          { url: "https://img.example/old.jpg", alt: "Old" },
        ],
        body: `${line({ photoId: pierId })}\n\nText.\n\n${line()}`,
      },
    });
    const revision = await getDb().revision.findFirstOrThrow({
      where: { story: { slug: "body-photo-uses" }, number: saved.revision.number },
      select: { photoUses: { orderBy: { position: "asc" }, select: { position: true, photoId: true } } },
    });
    expect(revision.photoUses).toEqual([
      { position: 0, photoId: ferryId },
      { position: 2, photoId: pierId },
      { position: 3, photoId: ferryId },
    ]);
    await expect(getDb().photo.delete({ where: { id: pierId } })).rejects.toThrow();
    expect(await getDb().photo.count({ where: { id: pierId } })).toBe(1);

    // A restore writes a new revision with the same uses.
    await saveRevision({
      actor: editor,
      slug: "body-photo-uses",
      input: { baseRevision: saved.revision.number, summary: "No photos", images: [], body: "Text." },
    });
    const restored = await restoreRevision({
      actor: editor,
      slug: "body-photo-uses",
      number: saved.revision.number,
      summary: "Back",
    });
    expect(
      await getDb().photoUse.findMany({
        where: { revision: { story: { slug: "body-photo-uses" }, number: restored.revision.number } },
        orderBy: { position: "asc" },
        select: { position: true, photoId: true },
      }),
    ).toEqual(revision.photoUses);
  });
});
