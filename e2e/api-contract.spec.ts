import { randomBytes } from "node:crypto";
import { expect, test, type APIResponse } from "@playwright/test";

import { createApiToken } from "@/lib/auth/api-tokens";

import { seedUser, signInByApi } from "./support/auth";
import { useE2eDatabase } from "./support/database";

/*
 * docs/api.md, statement by statement, over HTTP against the running server. The flows (create, revise,
 * conflict, publish, restore, unpublish) are in api-stories.spec.ts; this file holds the contract around
 * them: the error shape on every path, status codes, headers, defaults and limits.
 */

type ErrorBody = {
  error: { code: string; message: string; details: { fields?: { path: string; message: string }[] } | null };
};

async function expectError(response: APIResponse, status: number, code: string): Promise<ErrorBody> {
  const text = await response.text();
  expect(response.status(), text.slice(0, 300)).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+|Invalid input: expected|Too small/);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/^[A-Z“].{10,}[.!]$/);
  return body;
}

test.describe("JSON API v1: the documented contract", () => {
  let editor: Record<string, string>;
  let contributor: Record<string, string>;
  let contributorEmail: string;
  const slug = `contract-${randomBytes(4).toString("hex")}`;

  test.beforeAll(async () => {
    useE2eDatabase();
    const editorUser = await seedUser({ role: "editor" });
    const contributorUser = await seedUser({ role: "contributor" });
    contributorEmail = contributorUser.email;
    editor = {
      authorization: `Bearer ${(await createApiToken({ userId: editorUser.id, name: "contract editor", actor: "system" })).token}`,
    };
    contributor = {
      authorization: `Bearer ${(await createApiToken({ userId: contributorUser.id, name: "contract contributor", actor: "system" })).token}`,
    };
  });

  // Regression guard: unknown addresses answered Next's HTML 404 page.
  test("an unknown address under /api/v1 answers the JSON not-found, whatever the method", async ({
    request,
  }) => {
    for (const path of [
      "/api/v1/does-not-exist",
      "/api/v1/stories/x/comments",
      "/api/v1/stories/x/revisions/1/undo",
    ]) {
      await expectError(await request.get(path, { headers: editor }), 404, "not_found");
      await expectError(await request.post(path, { headers: editor, data: {} }), 404, "not_found");
      await expectError(await request.delete(path, { headers: editor }), 404, "not_found");
    }
  });

  // Regression guard: a wrong method answered 405 with an empty body and no Allow header.
  test("a wrong method answers 405 in the JSON shape with an Allow header; OPTIONS lists the real methods", async ({
    request,
  }) => {
    const cases = [
      { path: "/api/v1/stories", method: "DELETE", allow: "GET, POST, HEAD, OPTIONS" },
      { path: `/api/v1/stories/${slug}`, method: "POST", allow: "GET, HEAD, OPTIONS" },
      { path: `/api/v1/stories/${slug}/revisions`, method: "PUT", allow: "GET, POST, HEAD, OPTIONS" },
      { path: `/api/v1/stories/${slug}/revisions/1`, method: "PATCH", allow: "GET, HEAD, OPTIONS" },
      { path: `/api/v1/stories/${slug}/revisions/1/publish`, method: "GET", allow: "POST, OPTIONS" },
      { path: `/api/v1/stories/${slug}/revisions/1/restore`, method: "GET", allow: "POST, OPTIONS" },
      { path: `/api/v1/stories/${slug}/unpublish`, method: "GET", allow: "POST, OPTIONS" },
      { path: `/api/v1/stories/${slug}/republish`, method: "DELETE", allow: "POST, OPTIONS" },
      { path: `/api/v1/stories/${slug}/withdraw`, method: "GET", allow: "POST, OPTIONS" },
      { path: `/api/v1/stories/${slug}/status-history`, method: "POST", allow: "GET, HEAD, OPTIONS" },
      { path: `/api/v1/stories/${slug}/diff`, method: "POST", allow: "GET, HEAD, OPTIONS" },
      { path: "/api/v1/me", method: "POST", allow: "GET, PATCH, HEAD, OPTIONS" },
    ];
    for (const { path, method, allow } of cases) {
      const refused = await request.fetch(path, {
        method,
        headers: editor,
        data: method === "GET" ? undefined : {},
      });
      const body = await expectError(refused, 405, "method_not_allowed");
      expect(refused.headers()["allow"], `${method} ${path}`).toBe(allow);
      expect(body.error.message).toContain(`does not take ${method}`);
      const options = await request.fetch(path, { method: "OPTIONS", headers: editor });
      expect(options.status()).toBe(204);
      expect(options.headers()["allow"]).toBe(allow);
    }
  });

  // Regression guard: 401 carried no WWW-Authenticate header.
  test("401 names the Bearer scheme; a present Authorization header counts alone, even beside a session", async ({
    request,
    playwright,
    baseURL,
  }) => {
    const none = await request.get("/api/v1/stories");
    await expectError(none, 401, "unauthenticated");
    expect(none.headers()["www-authenticate"]).toBe('Bearer realm="Copydesk"');
    const bad = await request.get("/api/v1/me", { headers: { authorization: "Bearer cdk_made_up" } });
    await expectError(bad, 401, "unauthenticated");
    expect(bad.headers()["www-authenticate"]).toBe('Bearer realm="Copydesk", error="invalid_token"');

    const session = await playwright.request.newContext({ baseURL });
    const person = await seedUser({ role: "editor" });
    await signInByApi({ request: session, email: person.email, password: person.password });
    const signedIn = await session.get("/api/v1/me");
    expect(await signedIn.json()).toEqual({
      email: person.email,
      name: person.name,
      role: "editor",
      via: "session",
      emailNotifications: true,
    });
    expect(signedIn.headers()["cache-control"]).toBe("no-store");
    await expectError(
      await session.get("/api/v1/me", { headers: { authorization: "Bearer cdk_made_up" } }),
      401,
      "unauthenticated",
    );
    await session.dispose();
  });

  test("/api/v1/me says who the token belongs to", async ({ request }) => {
    const me = await request.get("/api/v1/me", { headers: contributor });
    expect(me.status()).toBe(200);
    expect(await me.json()).toEqual({
      email: contributorEmail,
      name: expect.any(String),
      role: "contributor",
      via: "token",
      emailNotifications: true,
    });
  });

  test("creation defaults, slug rules and the roles table", async ({ request }) => {
    const created = await request.post("/api/v1/stories", {
      headers: contributor,
      data: { slug, headline: "Contract story", body: "First." },
    });
    expect(created.status()).toBe(201);
    expect(created.headers()["cache-control"]).toBe("no-store");
    const first = await created.json();
    expect(first.story).toMatchObject({
      slug,
      status: "draft",
      developing: false,
      firstPublishedAt: null,
      lastMaterialUpdateAt: null,
      liveRevisionNumber: null,
    });
    expect(first.revision).toMatchObject({
      number: 1,
      kind: "initial",
      summary: "First version",
      published: false,
      credits: [],
    });
    expect(first.revision.content).toEqual({
      headline: "Contract story",
      dek: "",
      byline: "",
      body: "First.",
      images: [],
      credits: [],
      developing: false,
    });

    for (const [bad, message] of [
      ["Has-Capitals", "use lowercase letters"],
      ["double--hyphen", "use lowercase letters"],
      ["x".repeat(121), "at most 120"],
      ["new", "is the address of a desk page"],
    ] as const) {
      const refused = await expectError(
        await request.post("/api/v1/stories", {
          headers: editor,
          data: { slug: bad, headline: "H", body: "B" },
        }),
        400,
        "validation_failed",
      );
      expect(refused.error.details?.fields?.[0]).toEqual({
        path: "slug",
        message: expect.stringContaining(message),
      });
    }
    const long = await expectError(
      await request.post("/api/v1/stories", {
        headers: editor,
        data: { slug: `${slug}-x`, headline: "H".repeat(301), body: "B" },
      }),
      400,
      "validation_failed",
    );
    expect(long.error.details?.fields?.[0]?.path).toBe("headline");
    const script = await expectError(
      await request.post("/api/v1/stories", {
        headers: editor,
        data: {
          slug: `${slug}-x`,
          headline: "H",
          body: "B",
          images: [{ url: "javascript:alert(1)", alt: "x" }],
        },
      }),
      400,
      "validation_failed",
    );
    expect(script.error.details?.fields?.[0]?.path).toBe("images.0.url");
    await expectError(
      await request.post("/api/v1/stories", {
        headers: editor,
        data: { slug, headline: "Again", body: "B" },
      }),
      409,
      "conflict",
    );

    // Contributors write and save drafts; everything that changes what readers see is for editors.
    const draft = await request.post(`/api/v1/stories/${slug}/revisions`, {
      headers: contributor,
      data: { baseRevision: 1, summary: "Adds a line", body: "First.\n\nSecond." },
    });
    expect(draft.status()).toBe(201);
    expect((await draft.json()).revision).toMatchObject({
      number: 2,
      kind: "update",
      published: false,
      baseNumber: 1,
    });
    await expectError(
      await request.post(`/api/v1/stories/${slug}/revisions`, {
        headers: contributor,
        data: { baseRevision: 2, summary: "Go", body: "Live", publish: true },
      }),
      403,
      "forbidden",
    );
    await expectError(
      await request.post(`/api/v1/stories/${slug}/revisions/2/publish`, { headers: contributor, data: {} }),
      403,
      "forbidden",
    );
    await expectError(
      await request.post(`/api/v1/stories/${slug}/revisions/1/restore`, { headers: contributor, data: {} }),
      403,
      "forbidden",
    );
    await expectError(
      await request.post(`/api/v1/stories/${slug}/republish`, {
        headers: contributor,
        data: { reason: "Back" },
      }),
      403,
      "forbidden",
    );
    await expectError(
      await request.post(`/api/v1/stories/${slug}/unpublish`, {
        headers: contributor,
        data: { reason: "No" },
      }),
      403,
      "forbidden",
    );

    // Unpublishing a story that is not published, and republishing one that is not unpublished, are 422s.
    await expectError(
      await request.post(`/api/v1/stories/${slug}/unpublish`, {
        headers: editor,
        data: { reason: "Never live" },
      }),
      422,
      "unprocessable",
    );
    await expectError(
      await request.post(`/api/v1/stories/${slug}/republish`, { headers: editor, data: { reason: "Back" } }),
      422,
      "unprocessable",
    );
    await expectError(
      await request.post(`/api/v1/stories/${slug}/unpublish`, { headers: editor, data: {} }),
      400,
      "validation_failed",
    );

    const published = await request.post(`/api/v1/stories/${slug}/revisions/2/publish`, {
      headers: editor,
      data: {},
    });
    expect(published.status()).toBe(201);
    expect((await published.json()).revision).toMatchObject({
      number: 3,
      published: true,
      summary: "First version",
    });
    // Reader-facing text never names internal revision numbers (issue 8, item 14).
    expect(
      (await (await request.get(`/api/v1/stories/${slug}/revisions/3`, { headers: editor })).json()).revision
        .summary,
    ).not.toMatch(/revision \d/i);
    const again = await request.post(`/api/v1/stories/${slug}/revisions/3/publish`, {
      headers: editor,
      data: {},
    });
    expect(again.status()).toBe(200);
    const restored = await request.post(`/api/v1/stories/${slug}/revisions/1/restore`, {
      headers: editor,
      data: {},
    });
    expect(restored.status()).toBe(201);
    expect((await restored.json()).revision).toMatchObject({
      number: 4,
      kind: "restore",
      summary: "An earlier version of this story was restored.",
      published: false,
    });
    const nothing = await request.post(`/api/v1/stories/${slug}/revisions/1/restore`, {
      headers: editor,
      data: {},
    });
    expect(nothing.status()).toBe(200);
  });

  // Regression guard: from=abc said "Invalid input: expected number, received NaN"; a missing from said "Too
  // small".
  test("query strings: digits only, friendly messages, one code for malformed cursors, limits", async ({
    request,
  }) => {
    const letters = await expectError(
      await request.get(`/api/v1/stories/${slug}/diff?from=abc&to=2`, { headers: editor }),
      400,
      "validation_failed",
    );
    expect(letters.error.details?.fields).toEqual([
      { path: "from", message: "must be a whole number such as 3" },
    ]);
    const missing = await expectError(
      await request.get(`/api/v1/stories/${slug}/diff?to=2`, { headers: editor }),
      400,
      "validation_failed",
    );
    expect(missing.error.message).toBe(
      "Please check from: give the number of the older revision, as in ?from=3&to=4.",
    );
    const diff = await request.get(`/api/v1/stories/${slug}/diff?from=1&to=2`, { headers: editor });
    expect(Object.keys((await diff.json()).diff)).toEqual(
      expect.arrayContaining([
        "headline",
        "dek",
        "byline",
        "developing",
        "body",
        "images",
        "credits",
        "notes",
      ]),
    );

    // Regression guard: revisions/1e2 was read as revision 100.
    const exponent = await expectError(
      await request.get(`/api/v1/stories/${slug}/revisions/1e0`, { headers: editor }),
      400,
      "validation_failed",
    );
    expect(exponent.error.details?.fields).toEqual([
      { path: "number", message: "must be a whole number such as 3" },
    ]);
    await expectError(
      await request.get(`/api/v1/stories/${slug}/revisions/99999999999`, { headers: editor }),
      400,
      "validation_failed",
    );

    // Regression guard: a malformed revisions cursor answered validation_failed where /stories answered
    // bad_request.
    for (const path of [
      `/api/v1/stories?cursor=garbage`,
      `/api/v1/stories/${slug}/revisions?cursor=garbage`,
      `/api/v1/stories/${slug}/revisions?cursor=1e2`,
    ]) {
      const cursor = await expectError(await request.get(path, { headers: editor }), 400, "bad_request");
      expect(cursor.error.details?.fields).toEqual([
        { path: "cursor", message: "not a cursor this list handed out" },
      ]);
    }
    for (const path of [
      "/api/v1/stories?limit=101",
      `/api/v1/stories/${slug}/revisions?limit=0`,
      "/api/v1/stories?limit=1e1",
    ]) {
      const limit = await expectError(await request.get(path, { headers: editor }), 400, "validation_failed");
      expect(limit.error.details?.fields?.[0]?.path).toBe("limit");
    }
    const history = await (
      await request.get(`/api/v1/stories/${slug}/revisions`, { headers: editor })
    ).json();
    expect(history.revisions.map((revision: { number: number }) => revision.number)).toEqual([4, 3, 2, 1]);
    for (const row of history.revisions) expect(row).not.toHaveProperty("content");
    const list = await (
      await request.get(`/api/v1/stories?q=${slug.slice(0, 12)}&status=published`, { headers: editor })
    ).json();
    expect(list.stories.map((story: { slug: string }) => story.slug)).toContain(slug);
    expect(
      (await (await request.get(`/api/v1/stories?q=${slug}&status=draft`, { headers: editor })).json())
        .stories,
    ).toEqual([]);
  });

  // Regression guard: unknown fields were reported at path "(root)".
  test("unknown fields are named where they are; a malformed Idempotency-Key or body is bad_request", async ({
    request,
  }) => {
    const unknown = await expectError(
      await request.post(`/api/v1/stories/${slug}/revisions`, {
        headers: editor,
        data: { baseRevision: 4, summary: "x", colour: "red", credits: [{ nmae: "Ana", role: "byline" }] },
      }),
      400,
      "validation_failed",
    );
    expect(unknown.error.details?.fields).toEqual(
      expect.arrayContaining([
        { path: "colour", message: "is not a field this request takes" },
        { path: "credits.0.nmae", message: "is not a field this request takes" },
      ]),
    );
    expect(JSON.stringify(unknown)).not.toContain("(root)");
    await expectError(
      await request.post(`/api/v1/stories/${slug}/revisions`, {
        headers: { ...editor, "idempotency-key": "x".repeat(201) },
        data: { baseRevision: 4, summary: "x", body: "y" },
      }),
      400,
      "bad_request",
    );
    await expectError(
      await request.post(`/api/v1/stories/${slug}/revisions`, {
        headers: { ...editor, "content-type": "application/json" },
        data: Buffer.from("[1,"),
      }),
      400,
      "bad_request",
    );
  });

  // Regression guard: 1.2 M "é" (2.4 MB of UTF-8) answered 413 although the docs allow a 1.5 M-character
  // body.
  test("a 1.5 M-character body of non-ASCII text is accepted, even with every character escaped; one more character is refused", async ({
    request,
  }) => {
    const body = "é".repeat(1_500_000);
    const escaped = `{"baseRevision":4,"summary":"Long","body":"${"\\u00e9".repeat(1_500_000)}"}`;
    const saved = await request.post(`/api/v1/stories/${slug}/revisions`, {
      headers: { ...editor, "content-type": "application/json" },
      data: Buffer.from(escaped),
    });
    expect(saved.status(), (await saved.text()).slice(0, 200)).toBe(201);
    const stored = await (
      await request.get(`/api/v1/stories/${slug}/revisions/5`, { headers: editor })
    ).json();
    expect(stored.revision.content.body).toBe(body);
    const over = await expectError(
      await request.post(`/api/v1/stories/${slug}/revisions`, {
        headers: editor,
        data: { baseRevision: 5, summary: "Longer", body: `${body}é` },
      }),
      400,
      "validation_failed",
    );
    expect(over.error.details?.fields).toEqual([
      { path: "body", message: "must be at most 1,500,000 characters" },
    ]);
  });
});
