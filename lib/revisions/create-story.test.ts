import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { createStory } from "./create-story";

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function counts() {
  const db = getDb();
  return {
    stories: await db.story.count(),
    revisions: await db.revision.count(),
    credits: await db.credit.count(),
  };
}

describe("createStory", () => {
  let editor: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    contributor = await createTestActor({ role: "contributor" });
  });

  it("creates a draft with revision 1 and its credits, publishing nothing", async () => {
    const result = await createStory({
      actor: contributor,
      input: {
        slug: "bridge-closure",
        headline: "Bridge closes for repairs",
        body: "The Elm Street bridge closed on Monday.",
        credits: [
          { name: "Ana Ruiz", role: "byline" },
          { name: "Ben Ito", role: "contributed_reporting", location: "Harbor City" },
        ],
        developing: true,
      },
    });
    expect(result.story).toMatchObject({
      slug: "bridge-closure",
      status: "draft",
      latestRevisionNumber: 1,
      liveRevisionNumber: null,
      firstPublishedAt: null,
      developing: true,
    });
    expect(result.revision).toMatchObject({
      number: 1,
      kind: "initial",
      published: false,
      publishedAt: null,
      baseNumber: null,
    });
    expect(result.revision.author).toEqual({ id: contributor.userId, name: contributor.name });
    expect(result.revision.credits.map((credit) => [credit.name, credit.role, credit.location])).toEqual([
      ["Ana Ruiz", "byline", null],
      ["Ben Ito", "contributed_reporting", "Harbor City"],
    ]);
    expect(await getDb().storyStatusEvent.count({ where: { story: { slug: "bridge-closure" } } })).toBe(0);
  });

  it("publishes revision 1 when an editor asks, setting the first publish time but no 'Updated' time", async () => {
    const result = await createStory({
      actor: editor,
      input: {
        slug: "flood-warning",
        headline: "Flood warning issued",
        body: "Rivers are rising.",
        publish: true,
      },
    });
    expect(result.story.status).toBe("published");
    expect(result.story.liveRevisionNumber).toBe(1);
    expect(result.story.firstPublishedAt).toBe(result.revision.publishedAt);
    expect(result.story.lastMaterialUpdateAt).toBeNull();
    const events = await getDb().storyStatusEvent.findMany({ where: { story: { slug: "flood-warning" } } });
    expect(events.map((event) => [event.action, event.revisionNumber])).toEqual([["publish", 1]]);
  });

  it("refuses a contributor who asks to publish, and writes nothing", async () => {
    const before = await counts();
    const error = await failure(
      createStory({
        actor: contributor,
        input: { slug: "sneaky", headline: "Sneaky", body: "x", publish: true },
      }),
    );
    expect(error.code).toBe("forbidden");
    expect(await counts()).toEqual(before);
  });

  it("refuses bad input with field paths and writes nothing", async () => {
    const before = await counts();
    const spaces = await failure(
      createStory({ actor: editor, input: { slug: "has spaces", headline: "H", body: "b" } }),
    );
    expect(spaces.code).toBe("validation_failed");
    expect(spaces.details).toMatchObject({ fields: [{ path: "slug" }] });
    const unknown = await failure(
      createStory({ actor: editor, input: { slug: "fine", headline: "H", body: "b", status: "published" } }),
    );
    expect(unknown.code).toBe("validation_failed");
    const upper = await failure(
      createStory({ actor: editor, input: { slug: "Upper-Case", headline: "H", body: "b" } }),
    );
    expect(upper.details).toMatchObject({ fields: [{ path: "slug" }] });
    const noHeadline = await failure(
      createStory({ actor: editor, input: { slug: "no-headline", headline: "  ", body: "b" } }),
    );
    expect(noHeadline.details).toMatchObject({ fields: [{ path: "headline" }] });
    expect(await counts()).toEqual(before);
  });

  it("refuses a slug already in use as a conflict", async () => {
    await createStory({ actor: editor, input: { slug: "twice", headline: "Once", body: "b" } });
    const before = await counts();
    const error = await failure(
      createStory({ actor: editor, input: { slug: "twice", headline: "Twice", body: "b" } }),
    );
    expect(error.code).toBe("conflict");
    expect(await counts()).toEqual(before);
  });

  it("answers a retried creation with the same idempotency key with the story it created", async () => {
    const input = { slug: "retried-create", headline: "Retried", body: "b" };
    const first = await createStory({ actor: editor, input, idempotencyKey: "create-1" });
    const again = await createStory({ actor: editor, input, idempotencyKey: "create-1" });
    expect(again.revision.createdAt).toBe(first.revision.createdAt);
    expect((await failure(createStory({ actor: editor, input, idempotencyKey: "create-2" }))).code).toBe(
      "conflict",
    );
    expect(await getDb().revision.count({ where: { story: { slug: "retried-create" } } })).toBe(1);
  });

  it("stores HTML and script in every field verbatim, as text", async () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> [link](javascript:alert(1))';
    const result = await createStory({
      actor: editor,
      input: {
        slug: "hostile",
        headline: hostile,
        dek: hostile,
        byline: hostile,
        body: hostile,
        images: [{ url: "https://example.test/a.jpg", alt: hostile, caption: hostile, credit: hostile }],
        credits: [{ name: hostile, role: "byline", location: hostile }],
      },
    });
    const stored = await getDb().revision.findFirstOrThrow({
      where: { story: { slug: "hostile" } },
      include: { credits: { include: { contributor: true } } },
    });
    expect([stored.headline, stored.dek, stored.byline, stored.body]).toEqual([
      hostile,
      hostile,
      hostile,
      hostile,
    ]);
    expect(stored.images).toEqual([
      { url: "https://example.test/a.jpg", alt: hostile, caption: hostile, credit: hostile },
    ]);
    expect(stored.credits[0]?.contributor.name).toBe(hostile);
    expect(result.revision.content.body).toBe(hostile);
  });

  it("credits an existing contributor by exact name instead of creating a second one", async () => {
    await createStory({
      actor: editor,
      input: { slug: "credit-a", headline: "A", body: "b", credits: [{ name: "Cy Grant", role: "byline" }] },
    });
    await createStory({
      actor: editor,
      input: { slug: "credit-b", headline: "B", body: "b", credits: [{ name: "Cy Grant", role: "byline" }] },
    });
    expect(await getDb().contributor.count({ where: { name: "Cy Grant" } })).toBe(1);
  });
});
