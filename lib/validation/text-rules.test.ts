import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { createStory } from "@/lib/revisions/create-story";
import { listRevisions } from "@/lib/revisions/list-revisions";
import { saveRevision } from "@/lib/revisions/save-revision";
import { getStoryDetail } from "@/lib/revisions/story-detail";
import { appErrorOf, createTestStory, historyCounts } from "@/lib/revisions/test-stories";
import { listStories } from "@/lib/stories/list-stories";
import { reservedStorySlugs } from "@/lib/stories/story-slug";
import { unpublishStory } from "@/lib/stories/story-status";

import { hasVisibleText, unsafeTextProblem } from "./text-rules";

const zeroWidthSpace = "\u200b";
const decomposedName = "Jose\u0301 Nin\u0303o";
const composedName = "Jos\u00e9 Ni\u00f1o";

function fieldsOf(error: { details: unknown }): { path: string; message: string }[] {
  return (error.details as { fields: { path: string; message: string }[] }).fields;
}

describe("text rules", () => {
  it("finds NUL, other control characters and broken surrogates, and says where", () => {
    expect(unsafeTextProblem("Ferry\u0000 service")).toBe(
      "contains an invisible control character (U+0000) at character 6; delete it and try again",
    );
    expect(unsafeTextProblem("bell\u0007")).toContain("(U+0007)");
    expect(unsafeTextProblem("half a pair \ud83d")).toBe(
      "contains a broken character at character 13; retype or re-paste that part",
    );
    expect(unsafeTextProblem("Tabs\tand\nlines\r\nand emoji 🚢 are fine")).toBeNull();
  });

  it("counts letters, digits, punctuation and emoji as visible; spaces, zero-width and lone accents are not", () => {
    for (const visible of ["A", "7", "—", "🚢", "日本"]) expect(hasVisibleText(visible)).toBe(true);
    for (const invisible of ["", "   ", zeroWidthSpace, "\u200d\u2060\ufeff", "\u00a0", "\u0301"])
      expect(hasVisibleText(invisible)).toBe(false);
  });
});

describe("malformed and invisible text in story services", () => {
  let editor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    await createTestStory({ actor: editor, slug: "text-rules-story", publish: true });
  });

  // Regression guard: a NUL in a headline, body or credit name reached PostgreSQL and answered 500 internal.
  it("refuses a NUL in a headline, body or credit name with the field's path, writing nothing", async () => {
    const before = await historyCounts({ slug: "text-rules-story" });
    const cases = [
      { input: { headline: "Ferry\u0000" }, path: "headline" },
      { input: { body: "Ferries\u0000 stopped." }, path: "body" },
      { input: { credits: [{ name: "Rosa\u0000Vega", role: "byline" }] }, path: "credits.0.name" },
      {
        input: { credits: [{ name: "Rosa Vega", role: "byline", location: "Port\u0000" }] },
        path: "credits.0.location",
      },
      { input: { summary: "Fix\u0000" }, path: "summary" },
    ];
    for (const { input, path: fieldPath } of cases) {
      const error = await appErrorOf(
        saveRevision({
          actor: editor,
          slug: "text-rules-story",
          input: { baseRevision: 1, summary: "Edit", ...input },
        }),
      );
      expect(error.code).toBe("validation_failed");
      expect(fieldsOf(error)).toEqual([
        { path: fieldPath, message: expect.stringContaining("invisible control character (U+0000)") },
      ]);
    }
    const created = await appErrorOf(
      createStory({ actor: editor, input: { slug: "nul-story", headline: "A\u0000", body: "B" } }),
    );
    expect(fieldsOf(created)[0]?.path).toBe("headline");
    expect(await historyCounts({ slug: "text-rules-story" })).toEqual(before);
    expect(await getDb().story.count({ where: { slug: "nul-story" } })).toBe(0);
  });

  // Regression guard: a headline of one zero-width space was accepted and listed as an empty row.
  it("refuses a headline, credit name or unpublish reason with nothing visible in it", async () => {
    const headline = await appErrorOf(
      createStory({
        actor: editor,
        input: { slug: "invisible-headline", headline: `${zeroWidthSpace} `, body: "B" },
      }),
    );
    expect(fieldsOf(headline)).toEqual([{ path: "headline", message: "a story needs a headline" }]);
    const credit = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "text-rules-story",
        input: { baseRevision: 1, summary: "Credit", credits: [{ name: zeroWidthSpace, role: "editing" }] },
      }),
    );
    expect(fieldsOf(credit)).toEqual([
      { path: "credits.0.name", message: "a credited name cannot be empty" },
    ]);
    const summary = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "text-rules-story",
        input: { baseRevision: 1, summary: zeroWidthSpace, body: "New" },
      }),
    );
    expect(fieldsOf(summary)[0]?.path).toBe("summary");
    const reason = await appErrorOf(
      unpublishStory({ actor: editor, slug: "text-rules-story", reason: zeroWidthSpace }),
    );
    expect(fieldsOf(reason)[0]).toEqual({
      path: "reason",
      message: "say why the story is being unpublished",
    });
    expect(await getDb().contributor.count({ where: { name: zeroWidthSpace } })).toBe(0);
  });

  // Regression guard: "José Niño" typed with a combining accent and with the precomposed letter made two
  // contributors.
  it("credits a name typed with combining accents and with precomposed letters as one contributor, stored in NFC", async () => {
    await createStory({
      actor: editor,
      input: {
        slug: "nfc-one",
        headline: "One",
        body: "B",
        credits: [{ name: decomposedName, role: "byline" }],
      },
    });
    const second = await createStory({
      actor: editor,
      input: {
        slug: "nfc-two",
        headline: "Two",
        body: "B",
        credits: [{ name: composedName, role: "byline" }],
      },
    });
    const contributors = await getDb().contributor.findMany({
      where: { name: { in: [decomposedName, composedName] } },
    });
    expect(contributors).toEqual([expect.objectContaining({ name: composedName })]);
    expect(second.revision.credits[0]).toMatchObject({
      contributorId: contributors[0]?.id,
      name: composedName,
    });
  });

  // Regression guard: the slug `new` was accepted, though /desk/stories/new is the new-story page.
  it("refuses slugs that name a route of their own", async () => {
    for (const slug of reservedStorySlugs) {
      const error = await appErrorOf(
        createStory({ actor: editor, input: { slug, headline: "Route", body: "B" } }),
      );
      expect(fieldsOf(error)).toEqual([
        { path: "slug", message: `“${slug}” is the address of a desk page; choose another slug` },
      ]);
    }
    expect(await getDb().story.count({ where: { slug: { in: [...reservedStorySlugs] } } })).toBe(0);
  });

  it("reserves every fixed folder name that sits beside a story's [slug] folder", () => {
    const app = path.resolve(import.meta.dirname, "../../app");
    const beside = ["desk/stories", "stories"].flatMap((folder) =>
      readdirSync(path.join(app, folder), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith("["))
        .map((entry) => entry.name),
    );
    expect(beside).toContain("new");
    expect([...reservedStorySlugs].sort()).toEqual([...new Set(beside)].sort());
  });

  // Regression guard: a NUL in a search or a slug reached PostgreSQL and answered 500 internal.
  it("answers a NUL in a search with a validation error and a NUL slug as not found", async () => {
    const search = await appErrorOf(listStories({ actor: editor, query: "ferry\u0000" }));
    expect(search.code).toBe("validation_failed");
    expect(fieldsOf(search)[0]?.path).toBe("query");
    for (const slug of ["text-rules-story\u0000", "%ZZ", "x".repeat(500)]) {
      expect((await appErrorOf(getStoryDetail({ actor: editor, slug }))).code).toBe("not_found");
      expect((await appErrorOf(listRevisions({ actor: editor, slug }))).code).toBe("not_found");
      expect(
        (
          await appErrorOf(
            saveRevision({ actor: editor, slug, input: { baseRevision: 1, summary: "x", body: "y" } }),
          )
        ).code,
      ).toBe("not_found");
    }
  });

  // Regression guard: a revisions cursor of "1e2" was read as 100 and "abc" answered validation_failed, not
  // bad_request.
  it("reads revision numbers and cursors as digits only", async () => {
    for (const cursor of ["1e2", "abc", "0x10", " 2", "2.0", "99999999999"]) {
      expect(
        (await appErrorOf(listRevisions({ actor: editor, slug: "text-rules-story", cursor }))).code,
      ).toBe("bad_request");
    }
    const limit = await appErrorOf(listStories({ actor: editor, limit: "1e1" }));
    expect(fieldsOf(limit)).toEqual([{ path: "limit", message: "must be a whole number such as 50" }]);
  });
});
