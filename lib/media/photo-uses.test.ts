import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { publicContentSecurityPolicyFor } from "@/lib/public/public-content-security-policy";
import { readPublishedStory } from "@/lib/public/published-story";
import { renderStoryPage } from "@/lib/render/story-page";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory } from "@/lib/revisions/test-stories";

import { ingestPhoto } from "./ingest-photo";
import { externalImageOrigins } from "./photo-pictures";
import { wireJpeg } from "./test-photos";

describe("photos in revisions", { timeout: 240_000 }, () => {
  let editor: Actor;
  let photoId: string;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    photoId = (
      await ingestPhoto({ actor: editor, bytes: await wireJpeg({ seed: 40, width: 1400, height: 900 }) })
    ).photo.id;
  });

  it("refers to a library photo by id with its own caption, credit and alt, and renders it from this origin", async () => {
    await createTestStory({ actor: editor, slug: "photo-story" });
    const image = {
      photoId,
      alt: "A tank on a road beside a burning car",
      caption: "Near the border.",
      credit: "Evgeniy Maloletka / AP",
    };
    const saved = await saveRevision({
      actor: editor,
      slug: "photo-story",
      input: { baseRevision: 1, summary: "Photo", images: [image], publish: true },
    });
    expect(saved.revision.content.images).toEqual([{ ...image, url: "" }]);

    const { article, liveRevisionNumber } = await readPublishedStory({ slug: "photo-story" });
    const [shown] = article.images;
    expect(shown).toMatchObject({
      alt: image.alt,
      caption: image.caption,
      credit: image.credit,
      url: expect.stringMatching(/^\/media\/[0-9a-f]{64}\.jpg$/),
    });
    expect(shown?.picture).toMatchObject({ width: 900, height: 1400 }); // upright: the fixture is EXIF-rotated
    expect(shown?.picture?.sources.map((source) => source.type)).toEqual([
      "image/avif",
      "image/webp",
      "image/jpeg",
    ]);
    const html = renderStoryPage({ article, liveRevisionNumber, origin: "https://news.example" });
    expect(html).toMatch(/<picture><source type="image\/avif" srcset="\/media\/[0-9a-f]{64}\.avif 320w, /);
    expect(html).toMatch(
      /<img src="\/media\/[0-9a-f]{64}\.jpg" srcset="[^"]+ 900w" sizes="[^"]+" width="900" height="1400"/,
    );
    expect(externalImageOrigins({ images: article.images })).toEqual([]);
  });

  it("lets one photo go into several stories, each use recorded", async () => {
    await createTestStory({ actor: editor, slug: "second-photo-story" });
    await saveRevision({
      actor: editor,
      slug: "second-photo-story",
      input: {
        baseRevision: 1,
        summary: "Photo",
        images: [{ photoId, alt: "A tank", caption: "Other caption." }],
      },
    });
    const stories = await getDb().photoUse.findMany({
      where: { photoId },
      select: { revision: { select: { story: { select: { slug: true } } } } },
    });
    expect(new Set(stories.map((use) => use.revision.story.slug))).toEqual(
      new Set(["photo-story", "second-photo-story"]),
    );
  });

  it("refuses to publish a photo without alt text, and saves it as a draft", async () => {
    await createTestStory({ actor: editor, slug: "no-alt" });
    const images = [{ photoId, alt: "", caption: "A caption is not alt text." }];
    const error = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "no-alt",
        input: { baseRevision: 1, summary: "Photo", images, publish: true },
      }),
    );
    expect(error).toMatchObject({
      code: "validation_failed",
      userMessage: expect.stringMatching(/needs alt text before the story is published/),
    });
    expect(await getDb().revision.count({ where: { story: { slug: "no-alt" } } })).toBe(1);
    const draft = await saveRevision({
      actor: editor,
      slug: "no-alt",
      input: { baseRevision: 1, summary: "Photo", images },
    });
    expect(draft.revision.number).toBe(2);
  });

  it("refuses a photo id that is not in the library", async () => {
    await createTestStory({ actor: editor, slug: "ghost-photo" });
    const images = [{ photoId: "00000000-0000-4000-8000-000000000000", alt: "Nothing" }];
    const error = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "ghost-photo",
        input: { baseRevision: 1, summary: "Photo", images },
      }),
    );
    expect(error).toMatchObject({
      code: "validation_failed",
      userMessage: expect.stringMatching(/not in the photo library/),
    });
  });

  it("never deletes a photo any revision uses, nor the record of the use", async () => {
    await expect(getDb().photo.delete({ where: { id: photoId } })).rejects.toThrow();
    await expect(
      getDb().$executeRawUnsafe(`DELETE FROM photo_uses WHERE photo_id = $1::uuid`, photoId),
    ).rejects.toThrow(/append-only/);
    expect(await getDb().photo.count({ where: { id: photoId } })).toBe(1);
  });

  it("keeps older images by URL working: the page's CSP allows just their origins", async () => {
    await createTestStory({ actor: editor, slug: "legacy-image" });
    const images = [
      { url: "https://photos.wire.example/pier.jpg", alt: "The pier" },
      { url: "/images/harbor-bridge.svg", alt: "Bridge" },
    ];
    await saveRevision({
      actor: editor,
      slug: "legacy-image",
      input: { baseRevision: 1, summary: "Photo", images, publish: true },
    });
    const { article } = await readPublishedStory({ slug: "legacy-image" });
    const origins = externalImageOrigins({ images: article.images });
    expect(origins).toEqual(["https://photos.wire.example"]);
    expect(publicContentSecurityPolicyFor({ imageOrigins: origins })).toContain(
      "img-src 'self' https://photos.wire.example;",
    );
    expect(publicContentSecurityPolicyFor({})).toContain("img-src 'self';");
    expect(publicContentSecurityPolicyFor({})).not.toMatch(/https:(?!\/)|http:(?!\/)/);
  });
});
