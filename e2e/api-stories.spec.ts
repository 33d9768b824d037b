import { randomBytes } from "node:crypto";
import { expect, test, type APIResponse } from "@playwright/test";

import { createApiToken } from "@/lib/auth/api-tokens";

import { seedUser } from "./support/auth";
import { useE2eDatabase } from "./support/database";

type ErrorBody = { error: { code: string; message: string; details: unknown } };

async function bearer(role: "editor" | "contributor"): Promise<Record<string, string>> {
  const user = await seedUser({ role });
  const { token } = await createApiToken({ userId: user.id, name: `api spec ${role}`, actor: "system" });
  return { authorization: `Bearer ${token}` };
}

/** Every error leaves as the documented JSON shape, with a sentence and never a stack trace. */
async function expectError(response: APIResponse, status: number, code: string): Promise<ErrorBody> {
  expect(response.status()).toBe(status);
  const text = await response.text();
  expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body;
}

test.describe("JSON API v1: stories and revisions", () => {
  let editor: Record<string, string>;
  let contributor: Record<string, string>;
  const slug = `api-${randomBytes(4).toString("hex")}`;

  test.beforeAll(async () => {
    useE2eDatabase();
    editor = await bearer("editor");
    contributor = await bearer("contributor");
  });

  test("creates, revises, conflicts, lists, diffs, restores, unpublishes and republishes a story", async ({
    request,
  }) => {
    const created = await request.post("/api/v1/stories", {
      headers: editor,
      data: {
        slug,
        headline: "Ferry service suspended",
        body: "Ferries stopped at noon.\n\nCrews are inspecting the pier.",
        developing: true,
        credits: [{ name: "Rosa Vega", role: "byline" }],
        publish: true,
      },
    });
    expect(created.status()).toBe(201);
    const first = await created.json();
    expect(first.story).toMatchObject({
      slug,
      status: "published",
      latestRevisionNumber: 1,
      liveRevisionNumber: 1,
    });
    expect(first.revision).toMatchObject({
      number: 1,
      kind: "initial",
      published: true,
      credits: [{ name: "Rosa Vega", role: "byline", location: null }],
    });

    expect(await (await request.get(`/stories/${slug}`)).text()).toContain("Crews are inspecting the pier.");

    const key = `retry-${slug}`;
    const update = {
      baseRevision: 1,
      summary: "Adds the inspection result",
      body: "Ferries stopped at noon.\n\nInspectors found a cracked beam.",
      credits: [
        { name: "Rosa Vega", role: "byline" },
        { name: "Sam Ode", role: "contributed_reporting", location: "Port Adley" },
      ],
      publish: true,
    };
    const saved = await request.post(`/api/v1/stories/${slug}/revisions`, {
      headers: { ...editor, "idempotency-key": key },
      data: update,
    });
    expect(saved.status()).toBe(201);
    const second = await saved.json();
    expect(second.revision).toMatchObject({ number: 2, kind: "update", baseNumber: 1, published: true });
    expect(second.story.lastMaterialUpdateAt).toBe(second.revision.publishedAt);
    // The publish response invalidated the cached public page: the very next reader request sees the update.
    const publicPage = await request.get(`/stories/${slug}`);
    expect(publicPage.status()).toBe(200);
    expect(await publicPage.text()).toContain("Inspectors found a cracked beam.");
    const retried = await request.post(`/api/v1/stories/${slug}/revisions`, {
      headers: { ...editor, "idempotency-key": key },
      data: update,
    });
    expect(retried.status()).toBe(201);
    expect((await retried.json()).revision.createdAt).toBe(second.revision.createdAt);

    const same = await request.post(`/api/v1/stories/${slug}/revisions`, {
      headers: editor,
      data: { baseRevision: 2, summary: "Nothing new" },
    });
    expect(same.status()).toBe(200);
    expect((await same.json()).outcome).toBe("unchanged");

    const stale = await request.post(`/api/v1/stories/${slug}/revisions`, {
      headers: contributor,
      data: {
        baseRevision: 1,
        summary: "Late edit",
        body: "Ferries stopped at noon sharp.\n\nCrews are inspecting the pier.",
      },
    });
    const conflict = await expectError(stale, 409, "conflict");
    expect(conflict.error.details).toMatchObject({
      baseRevision: 1,
      latestRevision: 2,
      changedSince: { changed: true },
      merge: { clean: expect.any(Boolean) },
    });

    const draft = await request.post(`/api/v1/stories/${slug}/revisions`, {
      headers: contributor,
      data: {
        baseRevision: 2,
        summary: "Adds a quote",
        body: 'Ferries stopped at noon.\n\nInspectors found a cracked beam.\n\n"We will reopen when it is safe," the harbor master said.',
      },
    });
    expect(draft.status()).toBe(201);
    expect((await draft.json()).revision).toMatchObject({ number: 3, published: false });
    await expectError(
      await request.post(`/api/v1/stories/${slug}/revisions/3/publish`, { headers: contributor, data: {} }),
      403,
      "forbidden",
    );
    // The draft's own summary is internal: publishing it asks the editor for the one readers will see.
    const noSummary = await expectError(
      await request.post(`/api/v1/stories/${slug}/revisions/3/publish`, { headers: editor, data: {} }),
      400,
      "validation_failed",
    );
    expect(noSummary.error.details).toMatchObject({ fields: [{ path: "summary" }] });
    const published = await request.post(`/api/v1/stories/${slug}/revisions/3/publish`, {
      headers: editor,
      data: { summary: "Adds the harbor master's comment" },
    });
    expect(published.status()).toBe(201);
    expect((await published.json()).revision).toMatchObject({
      number: 4,
      published: true,
      summary: "Adds the harbor master's comment",
    });

    const history = await request.get(`/api/v1/stories/${slug}/revisions?limit=2`, { headers: contributor });
    expect(history.status()).toBe(200);
    const page = await history.json();
    expect(page.revisions.map((revision: { number: number }) => revision.number)).toEqual([4, 3]);
    expect(page.revisions[0]).toEqual(
      expect.objectContaining({
        number: 4,
        createdAt: expect.any(String),
        author: expect.any(Object),
        kind: "update",
        summary: expect.any(String),
        credits: expect.any(Array),
        published: true,
      }),
    );
    const older = await (
      await request.get(`/api/v1/stories/${slug}/revisions?limit=2&cursor=${page.nextCursor}`, {
        headers: contributor,
      })
    ).json();
    expect(older.revisions.map((revision: { number: number }) => revision.number)).toEqual([2, 1]);
    expect(older.nextCursor).toBeNull();

    const one = await (await request.get(`/api/v1/stories/${slug}/revisions/1`, { headers: editor })).json();
    expect(one.revision.content.body).toBe("Ferries stopped at noon.\n\nCrews are inspecting the pier.");
    const detail = await (await request.get(`/api/v1/stories/${slug}`, { headers: editor })).json();
    expect(detail).toMatchObject({
      story: { slug, liveRevisionNumber: 4 },
      live: { number: 4 },
      latest: { number: 4 },
    });
    const diff = await (
      await request.get(`/api/v1/stories/${slug}/diff?from=1&to=4`, { headers: editor })
    ).json();
    expect(diff).toMatchObject({ from: 1, to: 4, diff: { changed: true, body: { changed: true } } });

    await expectError(
      await request.post(`/api/v1/stories/${slug}/revisions/1/restore`, { headers: contributor, data: {} }),
      403,
      "forbidden",
    );
    const restored = await request.post(`/api/v1/stories/${slug}/revisions/1/restore`, {
      headers: editor,
      data: { publish: true },
    });
    expect(restored.status()).toBe(201);
    expect((await restored.json()).revision).toMatchObject({ number: 5, kind: "restore", published: true });

    await expectError(
      await request.post(`/api/v1/stories/${slug}/unpublish`, {
        headers: contributor,
        data: { reason: "x" },
      }),
      403,
      "forbidden",
    );
    const pulled = await request.post(`/api/v1/stories/${slug}/unpublish`, {
      headers: editor,
      data: { reason: "Pier safety review" },
    });
    expect(pulled.status()).toBe(200);
    expect((await pulled.json()).story.status).toBe("unpublished");
    const sneaky = await request.post(`/api/v1/stories/${slug}/revisions`, {
      headers: editor,
      data: { baseRevision: 5, summary: "Back?", body: "Back.", publish: true },
    });
    expect((await expectError(sneaky, 409, "conflict")).error.message).toMatch(/unpublished/);
    await expectError(
      await request.post(`/api/v1/stories/${slug}/republish`, { headers: editor, data: {} }),
      400,
      "validation_failed",
    );
    const back = await request.post(`/api/v1/stories/${slug}/republish`, {
      headers: editor,
      data: { reason: "Pier cleared" },
    });
    expect((await back.json()).story).toMatchObject({ status: "published", liveRevisionNumber: 5 });

    const list = await (
      await request.get(`/api/v1/stories?q=${encodeURIComponent("ferry service")}`, { headers: contributor })
    ).json();
    expect(list.stories.map((story: { slug: string }) => story.slug)).toContain(slug);
  });

  test("refuses bad requests with the right status and JSON error, changing nothing", async ({ request }) => {
    const target = `${slug}-bad`;
    await expectError(
      await request.post("/api/v1/stories", { data: { slug: target, headline: "H", body: "B" } }),
      401,
      "unauthenticated",
    );
    await expectError(
      await request.post("/api/v1/stories", {
        headers: { authorization: "Bearer not-a-token" },
        data: { slug: target, headline: "H", body: "B" },
      }),
      401,
      "unauthenticated",
    );
    const spaces = await expectError(
      await request.post("/api/v1/stories", {
        headers: editor,
        data: { slug: "has spaces", headline: "H", body: "B" },
      }),
      400,
      "validation_failed",
    );
    expect(spaces.error.details).toMatchObject({ fields: [{ path: "slug" }] });
    await expectError(
      await request.post("/api/v1/stories", {
        headers: { ...editor, "content-type": "application/json" },
        data: Buffer.from("{not json"),
      }),
      400,
      "bad_request",
    );
    await expectError(
      await request.post("/api/v1/stories", {
        headers: contributor,
        data: { slug: target, headline: "H", body: "B", publish: true },
      }),
      403,
      "forbidden",
    );
    const huge = Buffer.from(
      JSON.stringify({ slug: target, headline: "Huge", body: "x".repeat(13 * 1024 * 1024) }),
    );
    await expectError(
      await request.post("/api/v1/stories", {
        headers: { ...editor, "content-type": "application/json" },
        data: huge,
      }),
      413,
      "too_large",
    );
    await expectError(await request.get(`/api/v1/stories/${target}`, { headers: editor }), 404, "not_found");

    const created = await request.post("/api/v1/stories", {
      headers: contributor,
      data: { slug: target, headline: "<script>alert(1)</script>", body: "<img src=x onerror=alert(1)>" },
    });
    expect(created.status()).toBe(201);
    expect((await created.json()).revision.content).toMatchObject({
      headline: "<script>alert(1)</script>",
      body: "<img src=x onerror=alert(1)>",
    });
    const unknownField = await expectError(
      await request.post(`/api/v1/stories/${target}/revisions`, {
        headers: editor,
        data: { baseRevision: 1, summary: "x", colour: "red" },
      }),
      400,
      "validation_failed",
    );
    expect(JSON.stringify(unknownField.error.details)).toContain("colour");
    const noNote = await expectError(
      await request.post(`/api/v1/stories/${target}/revisions`, {
        headers: editor,
        data: { baseRevision: 1, kind: "correction", summary: "Fix", body: "Fixed." },
      }),
      400,
      "validation_failed",
    );
    expect(noNote.error.details).toMatchObject({ fields: [{ path: "note" }] });
    await expectError(
      await request.post(`/api/v1/stories/${target}/revisions`, {
        headers: editor,
        data: { baseRevision: 9, summary: "x", body: "y" },
      }),
      422,
      "unprocessable",
    );
    await expectError(
      await request.get(`/api/v1/stories/${target}/revisions/abc`, { headers: editor }),
      400,
      "validation_failed",
    );
    await expectError(
      await request.get(`/api/v1/stories/${target}/revisions/7`, { headers: editor }),
      404,
      "not_found",
    );
    const history = await (
      await request.get(`/api/v1/stories/${target}/revisions`, { headers: editor })
    ).json();
    expect(history.revisions).toHaveLength(1);
  });

  test("refuses a 13 MB body sent chunked, without a Content-Length, by the bytes it reads", async ({
    baseURL,
  }) => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 13 * 1024 * 1024) return controller.close();
        const chunk = new TextEncoder().encode(
          sent === 0 ? `{"slug":"${slug}-chunked","headline":"H","body":"` : "x".repeat(64 * 1024),
        );
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${baseURL}/api/v1/stories`, {
      method: "POST",
      headers: { ...editor, "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.code).toBe("too_large");
  });
});
