import { beforeAll, describe, expect, it } from "vitest";

import { POST as requestRemoval } from "@/app/api/v1/stories/[slug]/removals/route";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { createTestStory } from "@/lib/revisions/test-stories";

import { POST as approve } from "./[number]/approve/route";
import { POST as decline } from "./[number]/decline/route";
import { GET as getRemoval } from "./[number]/route";
import { POST as verify } from "./[number]/verify/route";
import { POST as withdraw } from "./[number]/withdraw/route";
import { GET as listRemovals } from "./route";

type Call = { token: string; body?: unknown; method?: string };

function request(path: string, call: Call): Request {
  return new Request(`http://localhost${path}`, {
    method: call.method ?? "POST",
    headers: { authorization: `Bearer ${call.token}`, "content-type": "application/json" },
    ...(call.method === "GET" || call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
}

async function tokenOf(actor: Actor): Promise<string> {
  return (await createApiToken({ userId: actor.userId, name: "Removal client", actor: "system" })).token;
}

type Removal = {
  number: number;
  state: string;
  waitingForYou: boolean;
  items: { kind: string; text?: string | null }[];
  record: { revisionsChanged: { revision: number; fields: string[] }[] } | null;
};
type ErrorBody = { error: { code: string; message: string; details: unknown } };

const slug = "api-removal";
const passage = "the skipper, Ana Ruiz,";
const body = `The ferry stopped, said ${passage} at noon.\n\nService resumes Monday.`;
const valid = {
  items: [{ kind: "passage", field: "body", text: passage }],
  internalReason: "Court order 2026/118",
  publicNotice: "This story was edited on legal advice on December 1, 2026.",
  noticePlacement: "in_place",
};

describe("the legal removal API", () => {
  let asker: string;
  let approver: string;
  let editor: string;

  const ask = async (token: string, payload: unknown, story = slug) =>
    requestRemoval(request(`/api/v1/stories/${story}/removals`, { token, body: payload }), {
      params: Promise.resolve({ slug: story }),
    });
  const act = (handler: typeof approve, name: string, token: string, number: number, payload?: unknown) =>
    handler(request(`/api/v1/removals/${number}/${name}`, { token, body: payload }), {
      params: Promise.resolve({ number: String(number) }),
    });

  beforeAll(async () => {
    const askerActor = await createTestActor({ role: "admin", name: "Rosa Vega" });
    asker = await tokenOf(askerActor);
    approver = await tokenOf(await createTestActor({ role: "admin", name: "Lena Park" }));
    editor = await tokenOf(await createTestActor({ role: "editor" }));
    await createTestStory({ actor: askerActor, slug, publish: true, body });
  });

  it("an editor is refused every removal endpoint, and nothing is asked", async () => {
    const before = await getDb().legalRemovalRequest.count();
    const asked = await ask(editor, valid);
    expect(asked.status).toBe(403);
    expect(((await asked.json()) as ErrorBody).error.code).toBe("forbidden");
    const listed = await listRemovals(request("/api/v1/removals", { token: editor, method: "GET" }), {
      params: Promise.resolve({}),
    });
    expect(listed.status).toBe(403);
    expect(await getDb().legalRemovalRequest.count()).toBe(before);
  });

  it("refuses an unknown story, an empty selection and a passage that matches nothing, naming the item", async () => {
    const missing = await ask(asker, valid, "no-such-story");
    expect(missing.status).toBe(404);
    const empty = await ask(asker, { ...valid, items: [] });
    expect(empty.status).toBe(400);
    const nothing = await ask(asker, {
      ...valid,
      items: [{ kind: "passage", field: "body", text: "the Skipper" }],
    });
    expect(nothing.status).toBe(400);
    expect(((await nothing.json()) as ErrorBody).error.details).toMatchObject({
      fields: [{ path: "items.0" }],
    });
  });

  it("request → the requester's approval refused → a second admin approves → approving again is refused; verify proves the text", async () => {
    const asked = await ask(asker, valid);
    expect(asked.status).toBe(201);
    const { removal } = (await asked.json()) as { removal: Removal };
    expect(removal).toMatchObject({ state: "pending", waitingForYou: false });

    const own = await act(approve, "approve", asker, removal.number);
    expect(own.status).toBe(403);
    expect(((await own.json()) as ErrorBody).error.message).toBe(
      "You asked for this removal, so another admin must approve it.",
    );

    const listed = await listRemovals(
      request(`/api/v1/removals?state=pending&slug=${slug}`, { token: approver, method: "GET" }),
      { params: Promise.resolve({}) },
    );
    const { removals } = (await listed.json()) as { removals: Removal[] };
    expect(removals.find((entry) => entry.number === removal.number)).toMatchObject({
      waitingForYou: true,
      items: [{ kind: "passage", text: passage }],
    });

    const approved = await act(approve, "approve", approver, removal.number);
    expect(approved.status).toBe(200);
    const done = ((await approved.json()) as { removal: Removal }).removal;
    expect(done.state).toBe("approved");
    expect(done.items).toEqual([{ kind: "passage", field: "body", text: null }]);
    expect(done.record?.revisionsChanged[0]).toMatchObject({ revision: 1 });
    expect(JSON.stringify(done)).not.toContain(passage);

    const again = await act(approve, "approve", approver, removal.number);
    expect(again.status).toBe(409);

    const read = await getRemoval(
      request(`/api/v1/removals/${removal.number}`, { token: asker, method: "GET" }),
      {
        params: Promise.resolve({ number: String(removal.number) }),
      },
    );
    expect(JSON.stringify(await read.json())).not.toContain(passage);

    const proved = await act(verify, "verify", asker, removal.number, { text: passage });
    expect(await proved.json()).toEqual({ matches: [{ kind: "passage", field: "body" }] });
    const other = await act(verify, "verify", asker, removal.number, { text: "the skipper" });
    expect(await other.json()).toEqual({ matches: [] });
    const editorVerify = await act(verify, "verify", editor, removal.number, { text: passage });
    expect(editorVerify.status).toBe(403);
  });

  it("a withdrawn or declined request cannot be approved; only the requester withdraws, a reason is needed to decline", async () => {
    await createTestStory({ actor: await createTestActor({ role: "admin" }), slug: "api-removal-two", body });
    const first = ((await (await ask(asker, valid, "api-removal-two")).json()) as { removal: Removal })
      .removal;
    const notYours = await act(withdraw, "withdraw", approver, first.number, {});
    expect(notYours.status).toBe(403);
    const withdrawn = await act(withdraw, "withdraw", asker, first.number);
    expect(withdrawn.status).toBe(200);
    expect(((await withdrawn.json()) as { removal: Removal }).removal.state).toBe("withdrawn");
    const lateApproval = await act(approve, "approve", approver, first.number);
    expect(lateApproval.status).toBe(409);

    const second = ((await (await ask(asker, valid, "api-removal-two")).json()) as { removal: Removal })
      .removal;
    const noReason = await act(decline, "decline", approver, second.number, {});
    expect(noReason.status).toBe(400);
    const declined = await act(decline, "decline", approver, second.number, {
      reason: "Not what the order says",
    });
    expect(declined.status).toBe(200);
    const afterDecline = await act(approve, "approve", approver, second.number);
    expect(afterDecline.status).toBe(409);

    const revisions = await getDb().revision.findMany({ where: { story: { slug: "api-removal-two" } } });
    expect(revisions.every((revision) => revision.body.includes(passage))).toBe(true);
  });
});
