import { beforeAll, describe, expect, it } from "vitest";

import { POST as markRead } from "@/app/api/v1/inbox/read/route";
import { GET as listInbox } from "@/app/api/v1/inbox/route";
import { POST as startThread } from "@/app/api/v1/stories/[slug]/revisions/[number]/threads/route";
import { POST as reply } from "@/app/api/v1/stories/[slug]/threads/[id]/replies/route";
import { POST as resolve } from "@/app/api/v1/stories/[slug]/threads/[id]/resolve/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createTestActor } from "@/lib/auth/test-actors";
import { createTestStory } from "@/lib/revisions/test-stories";

import { GET as listThreads } from "./route";

function call(options: { token: string; path: string; body?: unknown; key?: string }): Request {
  return new Request(`http://localhost${options.path}`, {
    method: options.body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${options.token}`,
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      ...(options.key ? { "idempotency-key": options.key } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

describe("review comments and the inbox in the API", () => {
  let editorToken: string;
  let authorToken: string;
  let otherToken: string;

  beforeAll(async () => {
    const editor = await createTestActor({ role: "editor" });
    const author = await createTestActor({ role: "contributor" });
    const other = await createTestActor({ role: "contributor" });
    editorToken = (await createApiToken({ userId: editor.userId, name: "Review", actor: "system" })).token;
    authorToken = (await createApiToken({ userId: author.userId, name: "Mine", actor: "system" })).token;
    otherToken = (await createApiToken({ userId: other.userId, name: "Other", actor: "system" })).token;
    await createTestStory({ actor: author, slug: "api-threads", body: "Lead words here.\n\nMore." });
  });

  it("starts a thread on words once per key, lists it, and tells the author; a contributor may not resolve it", async () => {
    const params = Promise.resolve({ slug: "api-threads", number: "1" });
    const request = () =>
      call({
        token: editorToken,
        path: "/api/v1/stories/api-threads/revisions/1/threads",
        key: "api-thread-1",
        body: { body: "Which words?", anchor: { field: "body", start: 0, end: 4, quote: "Lead" } },
      });
    const created = await startThread(request(), { params });
    expect(created.status).toBe(201);
    const { thread } = (await created.json()) as { thread: { id: string } };
    const again = await startThread(request(), { params });
    expect(((await again.json()) as { thread: { id: string } }).thread.id).toBe(thread.id);

    const bad = await startThread(
      call({
        token: editorToken,
        path: "/api/v1/stories/api-threads/revisions/1/threads",
        body: { body: "x", anchor: { field: "body", start: 0, end: 4, quote: "More" } },
      }),
      { params },
    );
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { details: { fields: [{ path: "anchor.quote" }] } } });

    const listed = await listThreads(
      call({ token: authorToken, path: "/api/v1/stories/api-threads/threads" }),
      {
        params: Promise.resolve({ slug: "api-threads" }),
      },
    );
    expect(await listed.json()).toMatchObject({
      revision: 1,
      threads: [{ id: thread.id, anchor: { quote: "Lead" }, place: { kind: "words", start: 0, end: 4 } }],
    });

    const threadParams = Promise.resolve({ slug: "api-threads", id: thread.id });
    const refused = await resolve(
      call({ token: otherToken, path: `/api/v1/stories/api-threads/threads/${thread.id}/resolve`, body: {} }),
      { params: threadParams },
    );
    expect(refused.status).toBe(403);
    const replied = await reply(
      call({
        token: authorToken,
        path: `/api/v1/stories/api-threads/threads/${thread.id}/replies`,
        body: { body: "These." },
      }),
      { params: threadParams },
    );
    expect(replied.status).toBe(201);
    const resolved = await resolve(
      call({
        token: editorToken,
        path: `/api/v1/stories/api-threads/threads/${thread.id}/resolve`,
        body: {},
      }),
      { params: threadParams },
    );
    expect(await resolved.json()).toMatchObject({ thread: { resolved: { at: expect.any(String) } } });

    const inbox = await listInbox(call({ token: authorToken, path: "/api/v1/inbox" }), {
      params: Promise.resolve({}),
    });
    const { items, unread } = (await inbox.json()) as {
      items: { id: string; kind: string; href: string }[];
      unread: number;
    };
    expect(unread).toBe(1);
    expect(items).toMatchObject([{ kind: "comment", href: `/desk/inbox/${items[0]?.id}` }]);
    const othersMark = await markRead(
      call({ token: otherToken, path: "/api/v1/inbox/read", body: { items: [items[0]?.id] } }),
      { params: Promise.resolve({}) },
    );
    expect(await othersMark.json()).toEqual({ marked: 0 });
    const marked = await markRead(
      call({ token: authorToken, path: "/api/v1/inbox/read", body: { all: true } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(await marked.json()).toEqual({ marked: 1 });
  });
});
