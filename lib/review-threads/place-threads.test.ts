import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { saveRevision } from "@/lib/revisions/save-revision";
import { createTestStory } from "@/lib/revisions/test-stories";

import { listThreadsByQuery, threadsInView } from "./list-threads";
import { startThread } from "./start-thread";

const first =
  "The council met on Tuesday.\n\nAbout 37 people spoke against the plan.\n\nThe vote is next week.";

function at(text: string, quote: string) {
  const start = text.indexOf(quote);
  return { field: "body" as const, start, end: start + quote.length, quote };
}

function range(text: string, quote: string) {
  const { quote: _quote, ...place } = at(text, quote);
  return place;
}

describe("placing a comment in later revisions", () => {
  let editor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    await createTestStory({ actor: editor, slug: "placed", body: first });
    const second = first.replace("The council met", "On a cold night, the council met");
    const third = second.replace("About 37 people", "About 40 people");
    for (const [base, body] of [
      [1, second],
      [2, third],
    ] as const)
      await saveRevision({
        actor: editor,
        slug: "placed",
        input: { baseRevision: base, summary: "Edit", body },
      });
  });

  it("keeps a comment on its words while the text around them changes, and names the revision that changed them", async () => {
    const reviewer = await createTestActor({ role: "editor" });
    const { thread } = await startThread({
      actor: reviewer,
      slug: "placed",
      number: 1,
      input: { body: "Source?", anchor: at(first, "37 people") },
    });
    const second = first.replace("The council met", "On a cold night, the council met");
    const [inTwo] = await threadsInView({ actor: editor, slug: "placed", to: 2, from: 1 });
    expect(inTwo?.place).toMatchObject({
      kind: "words",
      side: "new",
      revision: 2,
      ...range(second, "37 people"),
    });
    const [inThree] = await threadsInView({ actor: editor, slug: "placed", to: 3 });
    expect(inThree?.id).toBe(thread.id);
    expect(inThree?.place).toMatchObject({ kind: "gone", changedIn: 3 });
    expect((await listThreadsByQuery({ actor: editor, slug: "placed", query: {} })).revision).toBe(3);
  });

  it("shows a removed passage on the older side of the comparison that holds it", async () => {
    const reviewer = await createTestActor({ role: "editor" });
    await createTestStory({ actor: reviewer, slug: "placed-removed", body: first });
    await saveRevision({
      actor: reviewer,
      slug: "placed-removed",
      input: {
        baseRevision: 1,
        summary: "Cut",
        body: "The council met on Tuesday.\n\nThe vote is next week.",
      },
    });
    await startThread({
      actor: reviewer,
      slug: "placed-removed",
      number: 2,
      input: { body: "Why cut?", anchor: { revision: 1, ...at(first, "37 people spoke") } },
    });
    const [compared] = await threadsInView({ actor: editor, slug: "placed-removed", to: 2, from: 1 });
    expect(compared?.place).toMatchObject({
      kind: "words",
      side: "old",
      revision: 1,
      ...range(first, "37 people spoke"),
    });
    const [alone] = await threadsInView({ actor: editor, slug: "placed-removed", to: 2 });
    expect(alone?.place).toMatchObject({ kind: "gone", changedIn: 2, reason: "removed" });
  });
});
