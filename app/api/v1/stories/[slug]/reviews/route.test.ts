import { beforeAll, describe, expect, it } from "vitest";

import { POST as setRules } from "@/app/api/v1/review-rules/route";
import { GET as reviewQueue } from "@/app/api/v1/reviews/route";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createTestActor } from "@/lib/auth/test-actors";
import { saveRevision } from "@/lib/revisions/save-revision";
import { createTestStory } from "@/lib/revisions/test-stories";

import { POST as decide } from "./[id]/decision/route";
import { POST as withdraw } from "./[id]/withdraw/route";
import { GET as storyReview, POST as submit } from "./route";

type Call = { token: string; body?: unknown; key?: string; method?: string };

function request(path: string, call: Call): Request {
  return new Request(`http://localhost${path}`, {
    method: call.method ?? "POST",
    headers: {
      authorization: `Bearer ${call.token}`,
      "content-type": "application/json",
      ...(call.key ? { "idempotency-key": call.key } : {}),
    },
    ...(call.method === "GET" ? {} : { body: JSON.stringify(call.body ?? {}) }),
  });
}

async function tokenOf(actor: Actor): Promise<string> {
  return (await createApiToken({ userId: actor.userId, name: "Review client", actor: "system" })).token;
}

describe("the review API", () => {
  let contributor: string;
  let editor: string;
  let editorActor: Actor;

  beforeAll(async () => {
    editorActor = await createTestActor({ role: "editor", name: "Ana Ruiz" });
    const contributorActor = await createTestActor({ role: "contributor" });
    contributor = await tokenOf(contributorActor);
    editor = await tokenOf(editorActor);
    await createTestStory({ actor: editorActor, slug: "api-review", publish: true });
    await saveRevision({
      actor: contributorActor,
      slug: "api-review",
      input: { baseRevision: 1, summary: "Adds the vote", body: "The council voted 5 to 2." },
    });
  });

  it("a contributor asks, finds it among their submissions; a contributor's decision is refused; an editor's double-click approves once", async () => {
    const params = Promise.resolve({ slug: "api-review" });
    const asked = await submit(
      request("/api/v1/stories/api-review/reviews", { token: contributor, body: { note: "Ready" } }),
      {
        params,
      },
    );
    expect(asked.status).toBe(201);
    const { request: created } = (await asked.json()) as { request: { id: string; state: string } };
    expect(created.state).toBe("waiting");

    const queue = await reviewQueue(request("/api/v1/reviews", { token: contributor, method: "GET" }), {
      params: Promise.resolve({}),
    });
    expect(((await queue.json()) as { submitted: { id: string }[] }).submitted[0]?.id).toBe(created.id);

    const path = `/api/v1/stories/api-review/reviews/${created.id}/decision`;
    const decisionParams = Promise.resolve({ slug: "api-review", id: created.id });
    const refused = await decide(request(path, { token: contributor, body: { decision: "approve" } }), {
      params: decisionParams,
    });
    expect(refused.status).toBe(403);

    const bad = await decide(request(path, { token: editor, body: { decision: "request_changes" } }), {
      params: decisionParams,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: unknown } }).error.details).toMatchObject({
      fields: [{ path: "note" }],
    });

    const [first, second] = await Promise.all(
      [1, 2].map(() =>
        decide(request(path, { token: editor, body: { decision: "approve" }, key: "approve-click" }), {
          params: decisionParams,
        }),
      ),
    );
    expect([first!.status, second!.status]).toEqual([200, 200]);
    const twice = await decide(request(path, { token: editor, body: { decision: "approve" } }), {
      params: decisionParams,
    });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { error: { message: string } }).error.message).toMatch(
      /^This request was already approved by Ana Ruiz at /,
    );
    const withdrawn = await withdraw(
      request(`/api/v1/stories/api-review/reviews/${created.id}/withdraw`, { token: editor }),
      {
        params: decisionParams,
      },
    );
    expect(withdrawn.status).toBe(409);

    const review = await storyReview(
      request("/api/v1/stories/api-review/reviews", { token: contributor, method: "GET" }),
      {
        params,
      },
    );
    const body = (await review.json()) as { label: string; history: { action: string }[] };
    expect(body.label).toBe("Approved");
    expect(body.history.map((entry) => entry.action)).toEqual([
      "approve",
      "submit",
      "publish_without_review",
    ]);
  });

  it("only an admin sets the rules", async () => {
    const refused = await setRules(
      request("/api/v1/review-rules", {
        token: editor,
        body: { contributorsNeedApproval: true, correctionsNeedSecondEditor: true },
      }),
      { params: Promise.resolve({}) },
    );
    expect(refused.status).toBe(403);
    const admin = await tokenOf(await createTestActor({ role: "admin" }));
    const set = await setRules(
      request("/api/v1/review-rules", {
        token: admin,
        body: { contributorsNeedApproval: true, correctionsNeedSecondEditor: false },
      }),
      { params: Promise.resolve({}) },
    );
    expect(set.status).toBe(200);
    expect(
      ((await set.json()) as { rules: { contributorsNeedApproval: boolean } }).rules.contributorsNeedApproval,
    ).toBe(true);
  });
});
