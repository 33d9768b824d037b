import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";

import { createApiToken } from "@/lib/auth/api-tokens";

import { seedUser, signInByApi } from "./support/auth";
import { useE2eDatabase } from "./support/database";

/*
 * Malformed paths, queries and bodies against the running server: the public pages, the JSON API and the
 * desk (its pages and its server actions). No answer may be a 500 (a bare "Internal Server Error", or the
 * API's "internal"); the API always answers its JSON error shape, reader pages the branded HTML page.
 * The inputs are a fixed list of known troublemakers plus a seeded random mix of them; the seed is printed
 * so a failure can be replayed with FUZZ_SEED=<seed>.
 */

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

function random(state: { value: number }): () => number {
  // mulberry32: small, seedable, good enough to pick fuzz inputs.
  return () => {
    state.value = (state.value + 0x6d2b79f5) | 0;
    let t = Math.imul(state.value ^ (state.value >>> 15), 1 | state.value);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random({ value: seed });
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

/**
 * Raw URL text: broken escapes, NUL, invalid UTF-8, numbers Number() misreads, oversized and reserved words.
 */
const urlAtoms = [
  "%ZZ",
  "%C0%AF",
  "%00",
  "a%00b",
  "%E2%80%8B",
  "%",
  "%2",
  "%FF%FE",
  "%ED%A0%80",
  "..%2F..%2Fetc%2Fpasswd",
  "%25",
  "1e2",
  "1e0",
  "-1",
  "0",
  "00",
  "99999999999",
  "1.5",
  "NaN",
  "Infinity",
  "0x10",
  "%201",
  "%F0%9F%9A%A2",
  "new",
  "%3Cscript%3E",
  "x".repeat(400),
  "abc",
  "true",
  "[]",
  "%7B%7D",
] as const;

/** JSON values that break naive validation: NUL, invisible text, broken surrogates, wrong types, extremes. */
const badValues: unknown[] = [
  "\u0000",
  "a\u0000b",
  "\u200b",
  "\u200b\u200d\ufeff",
  "\ud800",
  "tail\udc00",
  "",
  "   ",
  "\u0007bell",
  null,
  0,
  -1,
  1.5,
  1e308,
  2 ** 53 + 1,
  true,
  [],
  {},
  [null],
  "x".repeat(2_000),
  "é".repeat(1_000),
  "1e2",
  "<script>alert(1)</script>",
  JSON.parse(`{"__proto__":{"polluted":true}}`),
  { constructor: { prototype: { polluted: true } } },
  "new",
];

const contentFields = [
  "slug",
  "headline",
  "dek",
  "byline",
  "body",
  "images",
  "credits",
  "developing",
  "publish",
  "summary",
  "note",
  "kind",
  "baseRevision",
  "reason",
  "colour",
];

function mutate(base: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(base);
  for (let changes = 1 + Math.floor(next() * 3); changes > 0; changes -= 1) {
    const roll = next();
    if (roll < 0.6) copy[pick(contentFields)] = pick(badValues);
    else if (roll < 0.8)
      copy.credits = [
        { name: pick(badValues), role: pick(["byline", "boss", badValues[0]]), location: pick(badValues) },
      ];
    else
      copy.images = [
        {
          url: pick(["/a.jpg", "javascript:alert(1)", ...badValues]),
          alt: pick(badValues),
          caption: pick(badValues),
        },
      ];
  }
  return copy;
}

const rawBodies = [
  "",
  "null",
  "[]",
  '"text"',
  "123",
  "{",
  '{"a":',
  "[1,",
  "\u0000",
  '{"headline":"\\ud800"}',
  "[".repeat(5_000) + "]".repeat(5_000),
  "{}".repeat(1_000),
];

type Failure = { what: string; status: number; text: string };

async function check(
  failures: Failure[],
  what: string,
  response: APIResponse,
  expectation: "api" | "reader" | "desk",
): Promise<void> {
  const status = response.status();
  const text = await response.text();
  const type = response.headers()["content-type"] ?? "";
  const broken =
    status >= 500 ||
    /Internal Server Error|"code":"internal"|\n\s+at /.test(text) ||
    (expectation === "api" &&
      status >= 400 &&
      !(type.includes("application/json") && /^\{"error":\{"code":"[a-z_]+","message":"[A-Z“]/.test(text))) ||
    (expectation === "reader" &&
      status >= 400 &&
      !(type.includes("text/html") && text.includes("/styles/story.css")));
  if (broken) failures.push({ what, status, text: text.slice(0, 200) });
}

function serverActionIds(): Record<string, string> {
  // Next lists every server action with its id in the build's server reference manifest.
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(
    readFileSync(path.resolve(distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { exportedName?: string }>;
  };
  return Object.fromEntries(
    Object.entries(manifest.node).flatMap(([id, entry]) =>
      entry.exportedName ? [[entry.exportedName, id]] : [],
    ),
  );
}

async function callAction(options: {
  desk: APIRequestContext;
  page: string;
  id: string;
  args: unknown[];
}): Promise<APIResponse> {
  return options.desk.post(options.page, {
    headers: {
      "next-action": options.id,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
    },
    data: JSON.stringify(options.args),
  });
}

test.describe("robustness: malformed input never becomes a 500", () => {
  test.setTimeout(600_000);
  const slug = `fuzz-${randomBytes(4).toString("hex")}`;
  let editor: Record<string, string>;
  let desk: APIRequestContext;

  test.beforeAll(async ({ playwright, baseURL }) => {
    useE2eDatabase();
    const user = await seedUser({ role: "editor" });
    editor = {
      authorization: `Bearer ${(await createApiToken({ userId: user.id, name: "fuzz", actor: "system" })).token}`,
    };
    desk = await playwright.request.newContext({ baseURL });
    await signInByApi({ request: desk, email: user.email, password: user.password });
    const created = await desk.post("/api/v1/stories", {
      headers: editor,
      data: { slug, headline: "Fuzzed story", body: "One.\n\nTwo.", publish: true },
    });
    expect(created.status()).toBe(201);
    const revised = await desk.post(`/api/v1/stories/${slug}/revisions`, {
      headers: editor,
      data: { baseRevision: 1, summary: "Second", body: "One.\n\nTwo.\n\nThree.", publish: true },
    });
    expect(revised.status()).toBe(201);
  });

  test.afterAll(async () => {
    await desk.dispose();
  });

  test("public pages and the API answer malformed paths and queries with a 4xx in their own shape", async ({
    request,
  }) => {
    test.info().annotations.push({ type: "fuzz seed", description: String(seed) });
    const failures: Failure[] = [];
    const templates: { path: (atom: string) => string; as: "api" | "reader" }[] = [
      { path: (a) => `/stories/${a}`, as: "reader" },
      { path: (a) => `/stories/${a}/history`, as: "reader" },
      { path: (a) => `/stories/${a}/feed.xml`, as: "reader" },
      { path: (a) => `/stories/${slug}/history?from=${a}&to=${a}`, as: "reader" },
      { path: (a) => `/stories/${slug}/history?from=1&to=${a}`, as: "reader" },
      { path: (a) => `/api/v1/stories/${a}`, as: "api" },
      { path: (a) => `/api/v1/stories/${a}/revisions`, as: "api" },
      { path: (a) => `/api/v1/stories/${slug}/revisions/${a}`, as: "api" },
      { path: (a) => `/api/v1/stories/${slug}/revisions?cursor=${a}&limit=${a}`, as: "api" },
      { path: (a) => `/api/v1/stories/${slug}/diff?from=${a}&to=2`, as: "api" },
      { path: (a) => `/api/v1/stories/${slug}/diff?from=1&to=${a}`, as: "api" },
      { path: (a) => `/api/v1/stories?q=${a}&status=${a}`, as: "api" },
      { path: (a) => `/api/v1/stories?cursor=${a}&limit=${a}`, as: "api" },
      { path: (a) => `/api/v1/${a}`, as: "api" },
    ];
    for (const template of templates) {
      for (const atom of urlAtoms) {
        const url = template.path(atom);
        await check(
          failures,
          `GET ${url}`,
          await request.get(url, { headers: template.as === "api" ? editor : {} }),
          template.as,
        );
      }
    }
    for (const atom of urlAtoms) {
      await check(
        failures,
        `GET /stories/${atom}/version`,
        await request.get(`/stories/${atom}/version`),
        "desk",
      );
      await check(failures, `GET /${atom}`, await request.get(`/${atom}`), "desk");
      await check(failures, `GET /feed.xml?${atom}`, await request.get(`/feed.xml?${atom}=${atom}`), "desk");
    }
    expect(failures, `fuzz seed ${seed}`).toEqual([]);
  });

  test("the API answers malformed bodies with a 4xx in the JSON error shape", async ({ request }) => {
    const failures: Failure[] = [];
    const endpoints = [
      { path: "/api/v1/stories", base: { slug: `${slug}-new`, headline: "H", body: "B" } },
      { path: `/api/v1/stories/${slug}/revisions`, base: { baseRevision: 2, summary: "S", body: "B" } },
      { path: `/api/v1/stories/${slug}/revisions/1/publish`, base: { summary: "S" } },
      { path: `/api/v1/stories/${slug}/revisions/1/restore`, base: { summary: "S" } },
      { path: `/api/v1/stories/${slug}/unpublish`, base: { reason: "R" } },
    ];
    for (const { path: endpoint, base } of endpoints) {
      for (const raw of rawBodies) {
        const response = await request.post(endpoint, {
          headers: { ...editor, "content-type": "application/json" },
          data: Buffer.from(raw),
        });
        await check(failures, `POST ${endpoint} raw ${JSON.stringify(raw.slice(0, 20))}`, response, "api");
      }
      for (let round = 0; round < 25; round += 1) {
        const body = mutate(base);
        const response = await request.post(endpoint, {
          headers: { ...editor, "idempotency-key": pick(["k", "with space", "x".repeat(300), "ok-key"]) },
          data: body,
        });
        // A story the fuzzer managed to unpublish is put back, so later rounds still reach the save paths.
        if (endpoint.endsWith("/unpublish") && response.status() === 200)
          await request.post(`/api/v1/stories/${slug}/republish`, {
            headers: editor,
            data: { reason: "Fuzz reset" },
          });
        await check(failures, `POST ${endpoint} ${JSON.stringify(body).slice(0, 120)}`, response, "api");
      }
    }
    expect(failures, `fuzz seed ${seed}`).toEqual([]);
  });

  test("the desk's pages and server actions answer malformed input with a page or a form error, never a 500", async () => {
    const failures: Failure[] = [];
    for (const atom of urlAtoms) {
      for (const url of [
        `/desk?q=${atom}&status=${atom}&cursor=${atom}`,
        `/desk/search?q=${atom}&scope=${atom}&from=${atom}&author=${atom}&cursor=${atom}`,
        `/desk/search?q=%22${atom}%20-${atom}&scope=all&to=${atom}&limit=${atom}`,
        `/desk/stories/${atom}`,
        `/desk/stories/${atom}/history`,
        `/desk/stories/${atom}/compare`,
        `/desk/stories/${slug}/revisions/${atom}`,
        `/desk/stories/${slug}/history?cursor=${atom}`,
        `/desk/stories/${slug}/compare?from=${atom}&to=${atom}&view=${atom}`,
      ]) {
        await check(failures, `GET ${url}`, await desk.get(url, { maxRedirects: 0 }), "desk");
      }
    }

    const ids = serverActionIds();
    const actions = [
      {
        name: "createStoryAction",
        page: "/desk/stories/new",
        args: () => [mutate({ slug: `${slug}-desk`, headline: "H", body: "B" })],
      },
      {
        name: "saveRevisionAction",
        page: `/desk/stories/${slug}`,
        args: () => [
          {
            slug: pick([slug, ...badValues]),
            idempotencyKey: pick(["k", ...badValues]),
            revision: mutate({ baseRevision: 2, summary: "S" }),
          },
        ],
      },
      {
        name: "publishRevisionAction",
        page: `/desk/stories/${slug}`,
        args: () => [{ slug: pick([slug, ...badValues]), number: pick([1, ...badValues]) }],
      },
      {
        name: "restoreRevisionAction",
        page: `/desk/stories/${slug}`,
        args: () => [
          {
            slug,
            number: pick([1, ...badValues]),
            summary: pick(badValues),
            publish: pick([false, ...badValues]),
          },
        ],
      },
      {
        name: "changeStoryStatusAction",
        page: `/desk/stories/${slug}`,
        args: () => [
          {
            action: pick(["unpublish", "republish", ...badValues]),
            slug: pick([slug, ...badValues]),
            reason: pick(badValues),
          },
        ],
      },
    ];
    for (const action of actions) {
      const id = ids[action.name];
      expect(id, `${action.name} in the server reference manifest`).toBeTruthy();
      for (let round = 0; round < 30; round += 1) {
        const args = action.args();
        const response = await callAction({ desk, page: action.page, id: id!, args });
        await check(failures, `${action.name}(${JSON.stringify(args).slice(0, 120)})`, response, "desk");
        // Each answer is a form state the desk can show: success, or an error with a sentence.
        const text = await response.text();
        if (!/"status":"(success|error)"/.test(text))
          failures.push({
            what: `${action.name}: no form state`,
            status: response.status(),
            text: text.slice(0, 200),
          });
      }
      if (action.name === "changeStoryStatusAction")
        await desk.post(`/api/v1/stories/${slug}/republish`, {
          headers: editor,
          data: { reason: "Fuzz reset" },
        });
    }
    expect(failures, `fuzz seed ${seed}`).toEqual([]);
  });

  // Regression guard: a server-action body Next cannot decode answered Next's bare 500 before any code of
  // ours ran.
  test("a server-action body that is not React's encoding gets a 400 with a sentence, and nothing is saved", async () => {
    const id = serverActionIds().saveRevisionAction!;
    const before = (await (await desk.get(`/api/v1/stories/${slug}`, { headers: editor })).json()).story
      .latestRevisionNumber;
    const bodies = [
      { type: "text/plain;charset=UTF-8", data: "not an argument list" },
      { type: "text/plain;charset=UTF-8", data: '[{"slug":' },
      { type: "text/plain;charset=UTF-8", data: '["$Q1"]' },
      { type: "text/plain;charset=UTF-8", data: Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x80]) },
      {
        type: "multipart/form-data; boundary=nothing-here",
        data: '--wrong\r\nContent-Disposition: form-data; name="0"\r\n\r\n[\r\n--wrong--',
      },
      { type: "multipart/form-data", data: "no boundary at all" },
    ];
    for (const body of bodies) {
      const response = await desk.post(`/desk/stories/${slug}`, {
        headers: { "next-action": id, accept: "text/x-component", "content-type": body.type },
        data: body.data,
      });
      const label = `${body.type}: ${String(body.data).slice(0, 40)}`;
      expect(response.status(), label).toBeLessThan(500);
      const text = await response.text();
      expect(text, label).not.toMatch(/Internal Server Error|\n\s+at /);
      if (response.status() === 400)
        expect(text, label).toContain("could not read this request, so nothing was saved");
    }
    const after = (await (await desk.get(`/api/v1/stories/${slug}`, { headers: editor })).json()).story
      .latestRevisionNumber;
    expect(after).toBe(before);
  });

  // Regression guard: a NUL in a desk save answered "Something went wrong … please try again", which never
  // works.
  test("a NUL or an invisible headline typed on the desk gets a message at the field, and nothing is saved", async () => {
    const id = serverActionIds().saveRevisionAction!;
    const nul = await (
      await callAction({
        desk,
        page: `/desk/stories/${slug}`,
        id,
        args: [{ slug, revision: { baseRevision: 2, summary: "S", headline: "Ferry\u0000" } }],
      })
    ).text();
    expect(nul).toContain('"code":"validation_failed"');
    expect(nul).toContain(
      '"headline":"contains an invisible control character (U+0000) at character 6; delete it and try again"',
    );
    const invisible = await (
      await callAction({
        desk,
        page: `/desk/stories/${slug}`,
        id,
        args: [{ slug, revision: { baseRevision: 2, summary: "S", headline: "\u200b" } }],
      })
    ).text();
    expect(invisible).toContain('"headline":"a story needs a headline"');
    const detail = await (await desk.get(`/api/v1/stories/${slug}`, { headers: editor })).json();
    expect(detail.story.latestRevisionNumber).toBeGreaterThanOrEqual(2);
    expect(detail.latest.content.headline).not.toMatch(/\u0000|\u200b/);
  });

  // Regression guard: a desk save over Next's default 1 MB action limit answered 500; the desk takes what the
  // API takes.
  test("the desk saves a 1.2 M-character body, and refuses a declared 13 MB one with 413", async ({
    baseURL,
  }) => {
    const id = serverActionIds().saveRevisionAction!;
    const detail = await (await desk.get(`/api/v1/stories/${slug}`, { headers: editor })).json();
    const body = "é".repeat(1_200_000);
    const saved = await callAction({
      desk,
      page: `/desk/stories/${slug}`,
      id,
      args: [{ slug, revision: { baseRevision: detail.story.latestRevisionNumber, summary: "Long", body } }],
    });
    expect(saved.status()).toBe(200);
    expect(await saved.text()).toContain('"status":"success"');
    // The server answers on the declared length alone, before the body is sent (so no client is left writing
    // into a closed socket).
    const oversized = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const outgoing = http.request(`${baseURL}/desk/stories/${slug}`, {
        method: "POST",
        headers: {
          "next-action": id,
          accept: "text/x-component",
          "content-type": "text/plain;charset=UTF-8",
          "content-length": String(13 * 1024 * 1024),
        },
      });
      outgoing.on("response", (incoming) => {
        let text = "";
        incoming.on("data", (chunk: Buffer) => (text += chunk.toString()));
        incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, text }));
      });
      outgoing.on("error", reject);
      outgoing.flushHeaders();
    });
    expect(oversized.status).toBe(413);
    expect(oversized.text).toContain("Nothing was saved.");
  });
});
