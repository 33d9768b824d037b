import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { saveRevision } from "@/lib/revisions/save-revision";
import { createTestStory } from "@/lib/revisions/test-stories";
import { scheduleRevision } from "@/lib/schedules/schedule-revision";

import { POST as publishDraft } from "./[number]/publish/route";
import { POST } from "./route";

function post(options: { token: string; path: string; body: unknown }): Request {
  return new Request(`http://localhost/api/v1/stories/${options.path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
    body: JSON.stringify(options.body),
  });
}

type ErrorBody = {
  error: {
    code: string;
    message: string;
    details?: {
      pendingSchedules?: {
        id: string;
        revisionNumber: number;
        scheduledBy: { name: string };
        runAt: string;
      }[];
      fields?: { path: string }[];
    };
  };
};

describe("publishing through the API while a schedule waits", () => {
  let editor: Actor;
  let token: string;
  let contributorToken: string;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor", name: "Ann Editor" });
    ({ token } = await createApiToken({ userId: editor.userId, name: "Desk bot", actor: "system" }));
    const contributor = await createTestActor({ role: "contributor" });
    ({ token: contributorToken } = await createApiToken({
      userId: contributor.userId,
      name: "Stringer",
      actor: "system",
    }));
  });

  // Guards issue 18 defect 1 through the API: POST …/revisions with publish: true on top of a scheduled draft
  // published it early.
  it("answers 409 naming the schedule unless the request says which; with 'leave' it publishes only the fix", async () => {
    const slug = "api-embargo";
    await createTestStory({ actor: editor, slug, publish: true });
    await saveRevision({
      actor: editor,
      slug,
      input: { baseRevision: 1, summary: "Results", body: "First paragraph.\n\nEmbargoed results." },
    });
    const schedule = await scheduleRevision({
      actor: editor,
      slug,
      input: { revision: 2, runAt: new Date(Date.now() + 3_600_000).toISOString(), summary: "Results" },
    });
    const fix = { baseRevision: 2, summary: "Headline fix", headline: "A better headline", publish: true };

    const refused = await POST(post({ token, path: `${slug}/revisions`, body: fix }), {
      params: Promise.resolve({ slug }),
    });
    expect(refused.status).toBe(409);
    const { error } = (await refused.json()) as ErrorBody;
    expect(error.message).toContain("scheduled by Ann Editor");
    expect(error.details?.pendingSchedules).toEqual([
      expect.objectContaining({
        id: schedule.id,
        revisionNumber: 2,
        runAt: schedule.runAt,
        scheduledBy: expect.objectContaining({ name: "Ann Editor" }),
      }),
    ]);

    const draftRefused = await publishDraft(
      post({ token, path: `${slug}/revisions/2/publish`, body: { summary: "Results" } }),
      { params: Promise.resolve({ slug, number: "2" }) },
    );
    expect(draftRefused.status).toBe(409);

    const bad = await POST(
      post({
        token,
        path: `${slug}/revisions`,
        body: { ...fix, pendingSchedules: { ids: [schedule.id], choice: "maybe" } },
      }),
      { params: Promise.resolve({ slug }) },
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.details?.fields).toEqual([
      expect.objectContaining({ path: "pendingSchedules.choice" }),
    ]);

    const forbidden = await POST(
      post({
        token: contributorToken,
        path: `${slug}/revisions`,
        body: { ...fix, pendingSchedules: { ids: [schedule.id], choice: "include" } },
      }),
      { params: Promise.resolve({ slug }) },
    );
    expect(forbidden.status).toBe(403);
    expect((await getDb().story.findUniqueOrThrow({ where: { slug } })).liveRevisionNumber).toBe(1);

    const left = await POST(
      post({
        token,
        path: `${slug}/revisions`,
        body: { ...fix, pendingSchedules: { ids: [schedule.id], choice: "leave" } },
      }),
      { params: Promise.resolve({ slug }) },
    );
    expect(left.status).toBe(201);
    const body = (await left.json()) as {
      readers: string;
      revision: { content: { headline: string; body: string } };
    };
    expect(body).toMatchObject({
      readers: "changed",
      revision: { content: { headline: "A better headline", body: "First paragraph.\n\nSecond paragraph." } },
    });
    expect((await getDb().schedule.findUniqueOrThrow({ where: { id: schedule.id } })).state).toBe("pending");
  });
});
