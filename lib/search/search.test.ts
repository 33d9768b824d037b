import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { approveLegalRemoval } from "@/lib/legal-removals/decide-legal-removal";
import { requestLegalRemoval } from "@/lib/legal-removals/request-legal-removal";
import { createStory } from "@/lib/revisions/create-story";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf } from "@/lib/revisions/test-stories";

import { searchTimeout } from "./postgres-search";
import { searchStories } from "./search";
import type { SearchHit } from "./search-results";

// Words no other test file writes, so hits are this file's stories only.
const tag = `qx${Math.random().toString(36).slice(2, 7)}`;
const slug = (name: string) => `${tag}-${name}`;

function text(hit: SearchHit): string {
  return hit.snippets.map((snippet) => snippet.parts.map((part) => part.text).join("")).join(" | ");
}
function marked(hit: SearchHit): string[] {
  return hit.snippets.flatMap((snippet) => snippet.parts.filter((part) => part.hit).map((part) => part.text));
}

describe("search", () => {
  let editor: Actor;
  let reporter: Actor;

  async function search(input: Record<string, unknown>, actor: Actor = editor) {
    return searchStories({ actor, input });
  }
  const slugs = (hits: SearchHit[]) => hits.map((hit) => hit.story.slug).sort();

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    reporter = await createTestActor({ role: "contributor" });
    // Revision 3 says March; revision 4, a published correction, says April.
    await createStory({
      actor: editor,
      input: {
        slug: slug("bridge"),
        headline: `${tag} bridge repairs`,
        body: "The council met on Monday.",
        credits: [{ name: "Mira Okafor", role: "byline" }],
        publish: true,
      },
    });
    const save = (baseRevision: number, input: Record<string, unknown>) =>
      saveRevision({
        actor: editor,
        slug: slug("bridge"),
        input: { baseRevision, summary: "Update", ...input },
      });
    await save(1, { body: "The council met on Monday. Engineers inspected the span." });
    await save(2, { body: "The council met on Monday. The bridge will close in March for repairs." });
    await save(3, {
      body: "The council met on Monday. The bridge will close in April for repairs.",
      kind: "correction",
      summary: "Month",
      note: "An earlier version gave the wrong month for the closure.",
      publish: true,
    });
    await createStory({
      actor: reporter,
      input: {
        slug: slug("kyiv"),
        headline: `${tag} talks in Kyiv`,
        dek: "Leaders met at Café Müller.",
        body: "President Volodymyr Zelenskyy spoke in Kyiv, Ukraine, on Tuesday.",
        images: [
          {
            url: "https://example.test/a.jpg",
            alt: "A square",
            caption: "Maidan square at dusk",
            credit: "Oksana Lys",
          },
        ],
        credits: [{ name: "Jürgen Weiß", role: "byline" }],
      },
    });
  });

  it("finds a phrase corrected in revision 4 in every revision, says where it went, and not in the live version", async () => {
    expect((await search({ q: `"close in March" ${tag}` })).hits).toEqual([]);
    const all = await search({ q: `"close in March" ${tag}`, scope: "all" });
    expect(all.hits).toHaveLength(1);
    const [hit] = all.hits as [SearchHit];
    expect(hit).toMatchObject({
      story: { slug: slug("bridge"), liveRevisionNumber: 4, latestRevisionNumber: 4, status: "published" },
      revision: { number: 3, kind: "update" },
      heldIn: [3],
      inCurrent: false,
      gone: { lastHeldIn: 3, goneIn: 4 },
      links: {
        revision: `/desk/stories/${slug("bridge")}/revisions/3`,
        diff: `/desk/stories/${slug("bridge")}/compare?from=3&to=4`,
      },
    });
    expect(Date.parse(hit.gone!.goneAt)).toBeGreaterThan(Date.parse(hit.revision.createdAt));
    expect(marked(hit)).toEqual(expect.arrayContaining(["close", "March"]));
    // Where the text is now: found live, appeared in revision 4.
    const live = await search({ q: `"close in April"` });
    expect(live.hits.map((found) => [found.story.slug, found.heldIn, found.links.diff])).toEqual([
      [slug("bridge"), [4], `/desk/stories/${slug("bridge")}/compare?from=3&to=4`],
    ]);
  });

  it("reads phrases, words, -excluded and OR", async () => {
    const q = (value: string, scope = "all") =>
      search({ q: `${tag} ${value}`, scope }).then((page) => slugs(page.hits));
    expect(await q(`"March bridge"`)).toEqual([]);
    expect(await q("March bridge")).toEqual([slug("bridge")]);
    expect(await q("bridge -April", "live")).toEqual([]);
    expect((await search({ q: `${tag} bridge -April`, scope: "all" })).hits[0]?.heldIn).toEqual([1, 2, 3]);
    expect(await q("Zanzibar OR Kyiv", "live")).toEqual([slug("kyiv")]);
    expect(await q("Kyiv OR council", "live")).toEqual([slug("bridge"), slug("kyiv")]);
  });

  it("tolerates typos in names and ignores accents, and highlights what it found", async () => {
    const typo = await search({ q: "Zelensky" });
    const found = typo.hits.find((hit) => hit.story.slug === slug("kyiv"));
    expect(found && marked(found)).toEqual(expect.arrayContaining(["Zelenskyy"]));
    expect(slugs((await search({ q: 'Zelensky "spoke in Kyiv" EU OR Ukraine' })).hits)).toContain(
      slug("kyiv"),
    );
    expect(slugs((await search({ q: `${tag} cafe muller` })).hits)).toEqual([slug("kyiv")]);
    expect(slugs((await search({ q: `${tag} Jurgen Weiss` })).hits)).toEqual([slug("kyiv")]);
    const kyiv = (await search({ q: `${tag} Kyiv` })).hits[0]!;
    expect(text(kyiv)).toContain("Kyiv, Ukraine");
    expect(kyiv.snippets.map((snippet) => snippet.field)).toEqual(
      expect.arrayContaining(["headline", "body"]),
    );
    expect(slugs((await search({ q: `${tag} Oksana` })).hits)).toEqual([slug("kyiv")]);
  });

  it("filters by kind, author, status, dates, live and correction", async () => {
    const q = (filters: Record<string, unknown>) =>
      search({ q: `${tag} OR council OR Kyiv`, scope: "all", ...filters }).then((page) => slugs(page.hits));
    expect(await q({ kind: "correction" })).toEqual([slug("bridge")]);
    expect(await q({ author: reporter.userId })).toEqual([slug("kyiv")]);
    expect(await q({ status: "draft" })).toEqual([slug("kyiv")]);
    expect(await q({ live: "yes", correction: "yes" })).toEqual([slug("bridge")]);
    expect(await q({ correction: "no" })).toEqual([slug("kyiv")]);
    expect(await q({ to: "2020-01-01" })).toEqual([]);
  });

  it("pages through hits with a cursor, and refuses a cursor from another search", async () => {
    const first = await search({ q: `${tag} OR council`, limit: "1" });
    expect(first.hits).toHaveLength(1);
    const second = await search({ q: `${tag} OR council`, limit: "1", cursor: first.nextCursor });
    expect(second.hits).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(second.hits[0]!.story.slug).not.toBe(first.hits[0]!.story.slug);
    const other = await appErrorOf(search({ q: "council", limit: "1", cursor: first.nextCursor }));
    expect(other.code).toBe("bad_request");
  });

  it("takes text out with a legal removal, in the removal's own transaction", async () => {
    const secret = "informant Dana Whitlock";
    const admin = await createTestActor({ role: "admin" });
    const second = await createTestActor({ role: "admin" });
    await createStory({
      actor: editor,
      input: {
        slug: slug("removal"),
        headline: `${tag} harbour inquiry`,
        body: `We spoke to the ${secret} twice.`,
        publish: true,
      },
    });
    await saveRevision({
      actor: editor,
      slug: slug("removal"),
      input: { baseRevision: 1, body: `Still the ${secret}.`, summary: "Again" },
    });
    expect(slugs((await search({ q: "Whitlock", scope: "all" })).hits)).toEqual([slug("removal")]);
    const asked = await requestLegalRemoval({
      actor: admin,
      slug: slug("removal"),
      input: {
        items: [{ kind: "passage", field: "body", text: secret }],
        internalReason: "Court order: identifies a source.",
        publicNotice: "Edited on legal advice.",
        noticePlacement: "foot",
      },
    });
    await approveLegalRemoval({ actor: second, number: asked.number });

    const rows = await getDb().$queryRaw<{ names: string; lexemes: string; same: boolean }[]>`
      SELECT d.names, d.document::text AS lexemes, d.xmin::text = r.xmin::text AS same
        FROM search_documents d JOIN revisions r ON r.id = d.revision_id JOIN stories s ON s.id = r.story_id
       WHERE s.slug = ${slug("removal")}`;
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.names).not.toMatch(/whitlock|dana/);
      expect(row.lexemes).not.toMatch(/whitlock|dana|informant/);
      expect(row.same).toBe(true);
    }
    expect((await search({ q: "Whitlock", scope: "all" })).hits).toEqual([]);
    expect((await search({ q: '"Dana Whitlock"', scope: "all" })).hits).toEqual([]);
    const still = await search({ q: `${tag} harbour`, scope: "all" });
    expect(text(still.hits[0]!)).not.toMatch(/Whitlock/);
  });

  // After the tests that count this file's stories: it adds one.
  it("ranks exact matches before names that only look alike, across pages", async () => {
    await createStory({
      actor: editor,
      input: { slug: slug("spelt"), headline: `${tag} visit`, body: "Mr Zelensky visited the port." },
    });
    const first = await search({ q: `Zelensky ${tag}`, limit: "1" });
    expect(slugs(first.hits)).toEqual([slug("spelt")]);
    const second = await search({ q: `Zelensky ${tag}`, limit: "1", cursor: first.nextCursor });
    expect(slugs(second.hits)).toEqual([slug("kyiv")]);
    expect(marked(second.hits[0]!)).toEqual(expect.arrayContaining(["Zelenskyy"]));
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ["empty", { q: "" }, "q", /Type a word/],
    ["blank", { q: "   " }, "q", /Type a word/],
    ["an unclosed quote", { q: 'bridge "close in' }, "q", /quote at character 8 is never closed/],
    ["only operators", { q: 'OR - ""' }, "q", /only operators/],
    ["only excluded words", { q: "-bridge -council" }, "q", /Every word here is excluded/],
    ["a dangling OR", { q: "bridge OR" }, "q", /OR at character 8 needs a word/],
    [
      "17 terms",
      { q: Array.from({ length: 17 }, (_, n) => `w${n}`).join(" ") },
      "q",
      /17 words and phrases; use at most 16/,
    ],
    ["only stop words", { q: "the of" }, "q", /Only very common words/],
    ["10,000 characters", { q: "x".repeat(10_000) }, "q", /at most 500 characters/],
    ["a NUL", { q: "bridge\u0000" }, "q", /invisible control character \(U\+0000\) at character 7/],
    ["February 30", { q: "bridge", from: "2026-02-30" }, "from", /not a day on the calendar/],
    ["a word for a date", { q: "bridge", from: "yesterday" }, "from", /must be a date like 2026-12-08/],
    [
      "dates the wrong way round",
      { q: "bridge", from: "2026-12-08", to: "2026-12-01" },
      "to",
      /before the start date/,
    ],
    ["an unknown scope", { q: "bridge", scope: "everything" }, "scope", /must be one of: live, all/],
    ["an author that is no id", { q: "bridge", author: "me" }, "author", /person's id/],
    ["a made-up cursor", { q: "bridge", cursor: "garbage" }, "cursor", /cursor/],
  ])("refuses %s with a sentence at the field", async (_name, input, field, message) => {
    const error = await appErrorOf(search(input));
    expect(["validation_failed", "bad_request"]).toContain(error.code);
    expect(error.userMessage).not.toMatch(/\n|at .*\.ts/);
    const fields = (error.details as { fields: { path: string; message: string }[] }).fields;
    expect(fields[0]?.path).toBe(field);
    expect(`${error.userMessage} ${fields[0]?.message}`).toMatch(message);
  });

  it("says a search over its time budget took too long, never a stack trace", async () => {
    const cancelled = await getDb()
      .$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('statement_timeout', '1', true)`;
        await tx.$queryRaw`SELECT pg_sleep(0.5)`;
      })
      .catch((error: unknown) => error);
    expect(searchTimeout(cancelled)).toMatchObject({
      code: "unavailable",
      userMessage: "Search took too long; add a word or a filter and try again.",
    });
    expect(searchTimeout(new Error("something else"))).toBeNull();
  });

  it("refuses a session that must still set up a second factor", async () => {
    const error = await appErrorOf(search({ q: "bridge" }, { ...editor, secondFactorSetupRequired: true }));
    expect(error.code).toBe("forbidden");
    expect(error.userMessage).toMatch(/second factor/);
  });
});
