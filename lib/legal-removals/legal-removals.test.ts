import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { sqlStateOf } from "@/lib/db/connection-loss";
import { readPublishedStory } from "@/lib/public/published-story";
import { renderStoryPage } from "@/lib/render/story-page";
import { createStory } from "@/lib/revisions/create-story";
import { readRevision } from "@/lib/revisions/read-revision";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory } from "@/lib/revisions/test-stories";

import { approveLegalRemoval, declineLegalRemoval, withdrawLegalRemoval } from "./decide-legal-removal";
import { getLegalRemoval, listLegalRemovals } from "./list-legal-removals";
import { publicRemovalNotices } from "./public-removal-notices";
import { requestLegalRemoval } from "./request-legal-removal";
import { verifyRemovedText } from "./verify-removed-text";

const secret = "the informant Dana Whitlock met the mayor";
const notice = "This story was edited on legal advice on December 7, 2026.";

const request = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  items,
  internalReason: "Court order 26-CV-1181: identifies a source.",
  publicNotice: notice,
  noticePlacement: "in_place",
  ...extra,
});

/** Every stored text of a story's revisions, joined, to search for what must be gone. */
async function storedText(slug: string): Promise<string> {
  const story = await getDb().story.findUniqueOrThrow({ where: { slug } });
  const rows = await getDb().revision.findMany({ where: { storyId: story.id } });
  return JSON.stringify(rows);
}

/** Everything a refused act could have changed, to prove it changed nothing. */
async function snapshot(slug: string) {
  const db = getDb();
  const story = await db.story.findUniqueOrThrow({ where: { slug } });
  return {
    story,
    text: await storedText(slug),
    requests: await db.legalRemovalRequest.findMany({
      where: { storyId: story.id },
      orderBy: { number: "asc" },
    }),
    records: await db.legalRemovalRecord.count({ where: { storyId: story.id } }),
  };
}

describe("legal removals", () => {
  let asker: Actor;
  let approver: Actor;
  let editor: Actor;

  beforeAll(async () => {
    asker = await createTestActor({ role: "admin", name: "Asha Asker" });
    approver = await createTestActor({ role: "admin", name: "Ben Approver" });
    editor = await createTestActor({ role: "editor" });
  });

  /** A published story whose passage is in two revisions (one live, one a draft) and in a status note. */
  async function storyWithSecret(slug: string) {
    await createTestStory({ actor: editor, slug, publish: true, body: `First.\n\nSaid ${secret}.` });
    await saveRevision({
      actor: editor,
      slug,
      input: { baseRevision: 1, body: `First.\n\nSaid ${secret}, twice.`, summary: "More", publish: true },
    });
    await saveRevision({
      actor: editor,
      slug,
      input: { baseRevision: 2, headline: "A draft headline", summary: "Headline" },
    });
  }

  it("removes a passage from every revision after a second admin approves, and records it", async () => {
    await storyWithSecret("lr-passage");
    const asked = await requestLegalRemoval({
      actor: asker,
      slug: "lr-passage",
      input: request([{ kind: "passage", field: "body", text: secret }]),
    });
    expect(asked).toMatchObject({
      state: "pending",
      slug: "lr-passage",
      items: [{ kind: "passage", field: "body", text: secret }],
      requestedBy: { id: asker.userId, name: "Asha Asker" },
      waitingForYou: false,
      record: null,
    });
    const forApprover = await listLegalRemovals({ actor: approver, state: "pending", slug: "lr-passage" });
    expect(forApprover.map((item) => [item.number, item.waitingForYou])).toEqual([[asked.number, true]]);
    const before = await getDb().story.findUniqueOrThrow({ where: { slug: "lr-passage" } });

    const approved = await approveLegalRemoval({ actor: approver, number: asked.number });

    const marker = `⟦removed ${asked.number}⟧`;
    expect(approved).toMatchObject({
      state: "approved",
      decidedBy: { id: approver.userId },
      items: [{ kind: "passage", field: "body", text: null }],
      record: {
        approvedBy: { id: approver.userId },
        revisionsChanged: [
          { revision: 1, fields: ["body"] },
          { revision: 2, fields: ["body"] },
          { revision: 3, fields: ["body"] },
        ],
        removed: [{ kind: "passage", field: "body" }],
        liveChanged: true,
      },
    });
    expect(await storedText("lr-passage")).not.toContain(secret);
    const story = await getDb().story.findUniqueOrThrow({ where: { slug: "lr-passage" } });
    const { revision } = await readRevision({ storyId: story.id, number: 2 });
    expect(revision.content.body).toBe(`First.\n\nSaid ${marker}, twice.`);
    expect(story.legalRemovalCount).toBe(1);
    expect(story.lastMaterialUpdateAt!.getTime()).toBeGreaterThan(before.lastMaterialUpdateAt!.getTime());
    expect(await publicRemovalNotices({ storyId: story.id })).toEqual([
      { number: asked.number, notice, placement: "in_place", approvedAt: approved.record!.approvedAt },
    ]);
    expect(await getLegalRemoval({ actor: asker, number: asked.number })).toEqual({
      ...approved,
      waitingForYou: false,
    });
  });

  it("verifies the removed text by its salted hash, and nothing else", async () => {
    const [done] = await listLegalRemovals({ actor: asker, slug: "lr-passage", state: "approved" });
    expect(await verifyRemovedText({ actor: asker, number: done!.number, text: secret })).toEqual({
      matches: [{ kind: "passage", field: "body" }],
    });
    expect(await verifyRemovedText({ actor: asker, number: done!.number, text: `${secret}.` })).toEqual({
      matches: [],
    });
    const refused = await appErrorOf(
      verifyRemovedText({ actor: editor, number: done!.number, text: secret }),
    );
    expect(refused.code).toBe("forbidden");
  });

  it("takes a removed contributor out of every credit line, the byline and JSON-LD", async () => {
    const name = "Ottoline Brackwater";
    await createStory({
      actor: editor,
      input: {
        slug: "lr-credit",
        headline: "Harbour",
        byline: `By Rosa Vega and ${name}`,
        body: "The harbour reopened.",
        credits: [
          { name: "Rosa Vega", role: "byline" },
          { name, role: "byline" },
        ],
        publish: true,
      },
    });
    const page = async () => {
      const { article, liveRevisionNumber } = await readPublishedStory({ slug: "lr-credit" });
      return renderStoryPage({ article, liveRevisionNumber, origin: "https://news.example" });
    };
    expect(await page()).toContain(name);
    const contributor = await getDb().contributor.findUniqueOrThrow({ where: { name } });
    const asked = await requestLegalRemoval({
      actor: asker,
      slug: "lr-credit",
      input: request([{ kind: "contributor", contributorId: contributor.id }]),
    });
    expect(asked.items).toEqual([{ kind: "contributor", contributorId: contributor.id, name }]);
    const approved = await approveLegalRemoval({ actor: approver, number: asked.number });
    expect(approved.items).toEqual([{ kind: "contributor", contributorId: contributor.id, name: null }]);
    expect(approved.record?.revisionsChanged).toEqual([{ revision: 1, fields: ["byline", "credits"] }]);

    const html = await page();
    expect(html).not.toContain(name);
    expect(html).toContain("Rosa Vega");
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "";
    expect(jsonLd).toContain("Rosa Vega");
    expect(jsonLd).not.toContain(name);
    const story = await getDb().story.findUniqueOrThrow({ where: { slug: "lr-credit" } });
    const credits = await getDb().credit.findMany({ where: { revision: { storyId: story.id } } });
    expect(credits.map((credit) => credit.contributorId)).not.toContain(contributor.id);
    // Not taken out of the directory: other stories still credit them by name.
    expect(await getDb().contributor.count({ where: { id: contributor.id, name } })).toBe(1);
  });

  it("lets one of two admins approving at once win; the other is told it was already approved", async () => {
    await storyWithSecret("lr-race");
    const third = await createTestActor({ role: "admin" });
    const asked = await requestLegalRemoval({
      actor: asker,
      slug: "lr-race",
      input: request([{ kind: "passage", field: "body", text: secret }]),
    });
    const results = await Promise.allSettled([
      approveLegalRemoval({ actor: approver, number: asked.number }),
      approveLegalRemoval({ actor: third, number: asked.number }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [lost] = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(lost).toMatchObject({ code: "conflict", userMessage: expect.stringMatching(/already approved/) });
    expect(await getDb().legalRemovalRecord.count({ where: { number: asked.number } })).toBe(1);
  });

  it("refuses a request whose text an earlier removal already took, changing nothing", async () => {
    await storyWithSecret("lr-already-gone");
    const input = request([{ kind: "passage", field: "body", text: secret }]);
    const first = await requestLegalRemoval({ actor: asker, slug: "lr-already-gone", input });
    const second = await requestLegalRemoval({ actor: asker, slug: "lr-already-gone", input });
    await approveLegalRemoval({ actor: approver, number: first.number });
    // The earlier approval redacted the pending request too: it no longer holds the text.
    expect((await getLegalRemoval({ actor: approver, number: second.number })).items).toEqual([
      { kind: "passage", field: "body", text: `⟦removed ${first.number}⟧` },
    ]);
    const before = await snapshot("lr-already-gone");
    const refused = await appErrorOf(approveLegalRemoval({ actor: approver, number: second.number }));
    expect(refused).toMatchObject({
      code: "unprocessable",
      userMessage: expect.stringMatching(/^Nothing in this request is in the story any more/),
    });
    expect(await snapshot("lr-already-gone")).toEqual(before);
  });

  it("reads the database's refusal codes through Prisma's driver adapter", async () => {
    // Guards the mapping of copydesk_apply_legal_removal's SQLSTATEs: a wrapper change would make every
    // refusal a 500.
    const [done] = await listLegalRemovals({ actor: asker, slug: "lr-passage" });
    const id = (await getDb().legalRemovalRequest.findUniqueOrThrow({ where: { number: done!.number } })).id;
    const codeOf = (approverId: string) =>
      getDb().$queryRaw`SELECT copydesk_apply_legal_removal(${id}::uuid, ${approverId}::uuid)`.then(
        () => null,
        (error: unknown) => sqlStateOf(error),
      );
    expect(await codeOf(approver.userId)).toBe("23514");
    const pending = await requestLegalRemoval({
      actor: asker,
      slug: "lr-already-gone",
      input: request([{ kind: "passage", field: "body", text: "First." }]),
    });
    const pendingId = (
      await getDb().legalRemovalRequest.findUniqueOrThrow({ where: { number: pending.number } })
    ).id;
    expect(
      await getDb()
        .$queryRaw`SELECT copydesk_apply_legal_removal(${pendingId}::uuid, ${editor.userId}::uuid)`.then(
        () => null,
        (error: unknown) => sqlStateOf(error),
      ),
    ).toBe("42501");
  });

  describe("two people", () => {
    it("refuses the requester's own approval, with a sentence, and changes nothing", async () => {
      await storyWithSecret("lr-own");
      const asked = await requestLegalRemoval({
        actor: asker,
        slug: "lr-own",
        input: request([{ kind: "passage", field: "body", text: secret }]),
      });
      const before = await snapshot("lr-own");
      const refused = await appErrorOf(approveLegalRemoval({ actor: asker, number: asked.number }));
      expect(refused).toMatchObject({
        code: "forbidden",
        userMessage: "You asked for this removal, so another admin must approve it.",
      });
      expect(await snapshot("lr-own")).toEqual(before);
    });

    it("refuses an editor's approval, request, decline and list", async () => {
      const [pending] = await listLegalRemovals({ actor: approver, slug: "lr-own" });
      const before = await snapshot("lr-own");
      for (const work of [
        approveLegalRemoval({ actor: editor, number: pending!.number }),
        declineLegalRemoval({ actor: editor, number: pending!.number, input: { reason: "No" } }),
        withdrawLegalRemoval({ actor: editor, number: pending!.number, input: {} }),
        requestLegalRemoval({
          actor: editor,
          slug: "lr-own",
          input: request([{ kind: "passage", field: "body", text: secret }]),
        }),
        listLegalRemovals({ actor: editor }),
        getLegalRemoval({ actor: editor, number: pending!.number }),
      ]) {
        const refused = await appErrorOf(work);
        expect(refused).toMatchObject({ code: "forbidden", userMessage: "Your role does not allow this." });
      }
      expect(await snapshot("lr-own")).toEqual(before);
    });

    it("lets only the requester withdraw, and only another admin decline", async () => {
      const [pending] = await listLegalRemovals({ actor: approver, slug: "lr-own" });
      const number = pending!.number;
      const before = await snapshot("lr-own");
      expect(await appErrorOf(withdrawLegalRemoval({ actor: approver, number, input: {} }))).toMatchObject({
        code: "forbidden",
        userMessage: "Only the admin who asked for this removal can withdraw it. You can decline it instead.",
      });
      expect(
        await appErrorOf(declineLegalRemoval({ actor: asker, number, input: { reason: "Changed my mind" } })),
      ).toMatchObject({ code: "forbidden" });
      expect(await appErrorOf(declineLegalRemoval({ actor: approver, number, input: {} }))).toMatchObject({
        code: "validation_failed",
        details: { fields: [{ path: "reason" }] },
      });
      expect(await snapshot("lr-own")).toEqual(before);

      const withdrawn = await withdrawLegalRemoval({ actor: asker, number, input: { reason: "Settled" } });
      expect(withdrawn).toMatchObject({
        state: "withdrawn",
        decisionReason: "Settled",
        decidedBy: { id: asker.userId },
        items: [{ kind: "passage", text: null }],
      });
      // The request forgets the text it named, since it will never be applied.
      expect(JSON.stringify(await getDb().legalRemovalRequest.findMany())).not.toContain(secret + '"');
    });

    it.each(["withdrawn", "declined", "approved"] as const)(
      "refuses to approve a request already %s, and changes nothing",
      async (state) => {
        const slug = `lr-twice-${state}`;
        await storyWithSecret(slug);
        const asked = await requestLegalRemoval({
          actor: asker,
          slug,
          input: request([{ kind: "passage", field: "body", text: secret }]),
        });
        if (state === "withdrawn")
          await withdrawLegalRemoval({ actor: asker, number: asked.number, input: {} });
        if (state === "declined")
          await declineLegalRemoval({
            actor: approver,
            number: asked.number,
            input: { reason: "Not enough" },
          });
        if (state === "approved") await approveLegalRemoval({ actor: approver, number: asked.number });
        const before = await snapshot(slug);
        const refused = await appErrorOf(approveLegalRemoval({ actor: approver, number: asked.number }));
        expect(refused.code).toBe("conflict");
        expect(refused.userMessage).toMatch(new RegExp(`^This request was already ${state}`));
        expect(await snapshot(slug)).toEqual(before);
      },
    );
  });

  describe("bad input", () => {
    let badInputs = 0;
    it.each([
      ["an empty selection", request([]), "items", /choose at least one/],
      [
        "a passage that matches nothing",
        request([{ kind: "passage", field: "body", text: "words never written here" }]),
        "items.0",
        /^Item 1 is not in the body of any revision/,
      ],
      [
        "a passage in the wrong field",
        request([{ kind: "passage", field: "headline", text: secret }]),
        "items.0",
        /^Item 1 is not in the headline/,
      ],
      [
        "a photo the story never used",
        request([{ kind: "photo", photoId: "00000000-0000-4000-8000-000000000000" }]),
        "items.0",
        /^Item 1 is not a photo/,
      ],
      [
        "a contributor never credited",
        request([{ kind: "contributor", contributorId: "00000000-0000-4000-8000-000000000000" }]),
        "items.0",
        /^Item 1 is not a contributor credited/,
      ],
      [
        "a passage of two letters",
        request([{ kind: "passage", field: "body", text: "Fi" }]),
        "items.0.text",
        /at least 3 characters/,
      ],
      [
        "a passage holding a marker",
        request([{ kind: "passage", field: "body", text: "⟦removed 1⟧" }]),
        "items.0.text",
        /cannot contain/,
      ],
      [
        "the directory without a contributor",
        request([{ kind: "passage", field: "body", text: secret }], { removeFromDirectory: true }),
        "removeFromDirectory",
        /applies only to a contributor/,
      ],
      [
        "no public notice",
        request([{ kind: "passage", field: "body", text: secret }], { publicNotice: " " }),
        "publicNotice",
        /notice/,
      ],
    ])("refuses %s with a sentence, asking for nothing", async (_name, input, path, sentence) => {
      const slug = `lr-bad-${(badInputs += 1)}`;
      await storyWithSecret(slug);
      const before = await snapshot(slug);
      const refused = await appErrorOf(requestLegalRemoval({ actor: asker, slug, input }));
      expect(refused.code).toBe("validation_failed");
      expect(refused.details).toMatchObject({ fields: [{ path, message: expect.stringMatching(/./) }] });
      expect(refused.userMessage).toMatch(sentence);
      expect(await snapshot(slug)).toEqual(before);
    });

    it("refuses a story that does not exist", async () => {
      const refused = await appErrorOf(
        requestLegalRemoval({
          actor: asker,
          slug: "no-such-story",
          input: request([{ kind: "passage", field: "body", text: secret }]),
        }),
      );
      expect(refused).toMatchObject({
        code: "not_found",
        userMessage: expect.stringMatching(/^No story at/),
      });
    });

    it("refuses a request number that does not exist", async () => {
      for (const number of [999_999, 0, 2 ** 40]) {
        const refused = await appErrorOf(approveLegalRemoval({ actor: approver, number }));
        expect(refused).toMatchObject({
          code: "not_found",
          userMessage: `There is no removal request ${number}.`,
        });
      }
    });
  });
});
