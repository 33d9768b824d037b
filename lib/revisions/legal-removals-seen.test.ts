import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { approveLegalRemoval } from "@/lib/legal-removals/decide-legal-removal";
import { requestLegalRemoval } from "@/lib/legal-removals/request-legal-removal";
import { readStory } from "@/lib/stories/story";

import { saveRevision } from "./save-revision";
import { appErrorOf, createTestStory, historyCounts } from "./test-stories";

const secret = "the witness lives on Alder Street";
const sentence =
  "Text was removed from this story on legal advice after your copy was made, so your copy could bring it back. Reload the story, then make your changes again.";

describe("saves after a legal removal", () => {
  let asker: Actor;
  let approver: Actor;
  let editor: Actor;
  // What an editor who opened the story before the removal still holds.
  const oldCopy = `A witness spoke.\n\nSaid ${secret}, and more.`;

  beforeAll(async () => {
    asker = await createTestActor({ role: "admin" });
    approver = await createTestActor({ role: "admin" });
    editor = await createTestActor({ role: "editor" });
    await createTestStory({ actor: editor, slug: "seen-removed", body: oldCopy, publish: true });
    const asked = await requestLegalRemoval({
      actor: asker,
      slug: "seen-removed",
      input: {
        items: [{ kind: "passage", field: "body", text: secret }],
        internalReason: "Protects a witness.",
        publicNotice: "This story was edited on legal advice.",
        noticePlacement: "foot",
      },
    });
    await approveLegalRemoval({ actor: approver, number: asked.number });
  });

  it("gives the count with the story, for clients to send back", async () => {
    expect((await readStory({ slug: "seen-removed" })).story.legalRemovalCount).toBe(1);
  });

  it.each([
    ["without legalRemovalsSeen", {}],
    ["with a count from before the removal", { legalRemovalsSeen: 0 }],
  ])("refuses a save %s, writing nothing", async (_name, seen) => {
    const before = await historyCounts({ slug: "seen-removed" });
    const refused = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "seen-removed",
        input: { baseRevision: 1, body: `${oldCopy} Edited.`, summary: "Edit", ...seen },
      }),
    );
    expect(refused).toMatchObject({
      code: "conflict",
      userMessage: sentence,
      details: { reason: "legal_removal", legalRemovalCount: 1 },
    });
    expect(await historyCounts({ slug: "seen-removed" })).toEqual(before);
  });

  it("refuses a stale copy from before the removal without a merge that would carry its text", async () => {
    await saveRevision({
      actor: editor,
      slug: "seen-removed",
      input: { baseRevision: 1, headline: "Someone else saved", summary: "Headline", legalRemovalsSeen: 1 },
    });
    const refused = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "seen-removed",
        input: { baseRevision: 1, body: oldCopy, summary: "Edit", legalRemovalsSeen: 0 },
      }),
    );
    expect(refused.details).toEqual({ reason: "legal_removal", legalRemovalCount: 1 });
    expect(JSON.stringify(refused)).not.toContain(secret);
  });

  it("saves a copy read after the removal", async () => {
    const saved = await saveRevision({
      actor: editor,
      slug: "seen-removed",
      input: {
        baseRevision: 2,
        body: "A witness spoke. Edited after the removal.",
        summary: "Edit",
        legalRemovalsSeen: 1,
      },
    });
    expect(saved.outcome).toBe("created");
    expect(saved.story.legalRemovalCount).toBe(1);
  });

  it("refuses a count the story has not reached, as a client error", async () => {
    const refused = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "seen-removed",
        input: { baseRevision: 3, body: "Any", summary: "Edit", legalRemovalsSeen: 7 },
      }),
    );
    expect(refused).toMatchObject({
      code: "unprocessable",
      details: { fields: [{ path: "legalRemovalsSeen" }] },
    });
  });

  it("saves without the field on a story that never had a removal", async () => {
    await createTestStory({ actor: editor, slug: "seen-never" });
    const saved = await saveRevision({
      actor: editor,
      slug: "seen-never",
      input: { baseRevision: 1, body: "Changed.", summary: "Edit" },
    });
    expect(saved.outcome).toBe("created");
    expect(await getDb().story.count({ where: { slug: "seen-never", legalRemovalCount: 0 } })).toBe(1);
  });
});
