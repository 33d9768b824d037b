import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory } from "@/lib/revisions/test-stories";
import { unpublishStory } from "@/lib/stories/unpublish-story";

import { readPublicChangeLog } from "./public-change-log";
import { readPublicHistory } from "./public-history";
import { listPublishedStories } from "./public-index";
import { readPublicStoryVersion, readPublishedStory } from "./published-story";

let editor: Actor;

beforeAll(async () => {
  editor = await createTestActor({ role: "editor" });
});

async function save(slug: string, input: Record<string, unknown>) {
  const story = await getDb().story.findUniqueOrThrow({
    where: { slug },
    select: { latestRevisionNumber: true },
  });
  return saveRevision({ actor: editor, slug, input: { baseRevision: story.latestRevisionNumber, ...input } });
}

describe("readPublishedStory", () => {
  it("serves the live revision only, never a newer draft", async () => {
    await createTestStory({ actor: editor, slug: "live-only", publish: true, body: "Live body." });
    await save("live-only", { kind: "update", summary: "Draft work", body: "Draft body.", publish: false });
    const story = await readPublishedStory({ slug: "live-only" });
    expect(story.article.body).toBe("Live body.");
    expect(story.liveRevisionNumber).toBe(1);
  });

  it("is not found for unknown, draft-only and unpublished stories", async () => {
    await createTestStory({ actor: editor, slug: "draft-only", publish: false });
    await createTestStory({ actor: editor, slug: "taken-down", publish: true });
    await unpublishStory({ actor: editor, slug: "taken-down", reason: "Legal review" });
    for (const slug of ["no-such-story", "draft-only", "taken-down"]) {
      expect((await appErrorOf(readPublishedStory({ slug }))).code).toBe("not_found");
      expect((await appErrorOf(readPublicStoryVersion({ slug }))).code).toBe("not_found");
    }
  });

  it("keeps every published correction after later updates, and moves Updated only for material kinds", async () => {
    await createTestStory({ actor: editor, slug: "corrected", publish: true, body: "Crest at 30 feet." });
    const first = await readPublishedStory({ slug: "corrected" });
    expect(first.article.lastMaterialUpdateAt).toBeNull();

    await save("corrected", {
      kind: "correction",
      summary: "Fix crest",
      note: "The crest was 28 feet, not 30.",
      body: "Crest at 28 feet.",
      publish: true,
    });
    const corrected = await readPublishedStory({ slug: "corrected" });
    expect(corrected.article.lastMaterialUpdateAt).not.toBeNull();

    await save("corrected", { kind: "minor", body: "Crest at 28 feet!", publish: true });
    const minor = await readPublishedStory({ slug: "corrected" });
    expect(minor.article.lastMaterialUpdateAt).toBe(corrected.article.lastMaterialUpdateAt);
    expect(minor.article.body).toBe("Crest at 28 feet!");

    await save("corrected", {
      kind: "update",
      summary: "Adds reaction",
      body: "Crest at 28 feet!\n\nThe mayor spoke.",
      publish: true,
    });
    const later = await readPublishedStory({ slug: "corrected" });
    expect(later.article.notes).toEqual([
      {
        kind: "correction",
        text: "The crest was 28 feet, not 30.",
        publishedAt: corrected.article.lastMaterialUpdateAt,
      },
    ]);
    expect(new Date(later.article.lastMaterialUpdateAt!).getTime()).toBeGreaterThan(
      new Date(corrected.article.lastMaterialUpdateAt!).getTime(),
    );
    expect(later.liveRevisionNumber).toBe(4);
    expect((await readPublicStoryVersion({ slug: "corrected" })).version).toBe(4);
  });
});

describe("readPublicChangeLog and readPublicHistory", () => {
  it("lists every published version newest first, minor fixes included, leaving out drafts", async () => {
    await createTestStory({ actor: editor, slug: "logged", publish: true, body: "One." });
    await save("logged", { kind: "update", summary: "Adds two", body: "One.\n\nTwo.", publish: true });
    await save("logged", { kind: "minor", body: "One.\n\nTwo!", publish: true });
    await save("logged", {
      kind: "update",
      summary: "Private draft summary",
      body: "Draft.",
      publish: false,
    });
    await save("logged", {
      kind: "clarification",
      summary: "Clarifies two",
      note: "Two means two.",
      body: "One.\n\nTwo, clarified.",
      publish: true,
    });
    const log = await readPublicChangeLog({ slug: "logged" });
    expect(
      log.entries.map((entry) => [
        entry.number,
        entry.kind,
        entry.summary,
        entry.notes.map((note) => note.text),
      ]),
    ).toEqual([
      [5, "clarification", "Clarifies two", ["Two means two."]],
      [3, "minor", null, []],
      [2, "update", "Adds two", []],
      [1, "first", null, []],
    ]);
    expect(JSON.stringify(log)).not.toContain("Private draft summary");

    const history = await readPublicHistory({ slug: "logged", query: {} });
    expect(history.comparison).toMatchObject({ from: 3, to: 5 });
    expect(history.comparison!.diff.body.changed).toBe(true);
    const chosen = await readPublicHistory({ slug: "logged", query: { from: "1", to: "2" } });
    expect(chosen.comparison).toMatchObject({ from: 1, to: 2 });
  });

  it("compares a minor fix like any other version (it is not silent)", async () => {
    const minor = await readPublicHistory({ slug: "logged", query: { from: "2", to: "3" } });
    expect(minor.comparison).toMatchObject({ from: 2, to: 3 });
    expect(minor.comparison!.diff.body.changed).toBe(true);
  });

  it("refuses to compare a draft, and bad query input", async () => {
    for (const query of [{ from: "4", to: "5" }, { from: "x" }, { to: "-1" }, { from: "1", extra: "1" }]) {
      const error = await appErrorOf(readPublicHistory({ slug: "logged", query }));
      expect(["bad_request", "validation_failed"]).toContain(error.code);
    }
  });
});

describe("listPublishedStories", () => {
  it("lists published stories by last material update, else first publish, with live headlines", async () => {
    await createTestStory({ actor: editor, slug: "index-old", publish: true });
    await createTestStory({ actor: editor, slug: "index-new", publish: true });
    await save("index-old", {
      kind: "update",
      summary: "News",
      headline: "Old story, updated",
      publish: true,
    });
    await createTestStory({ actor: editor, slug: "index-draft", publish: false });
    const slugs = (await listPublishedStories({ limit: 100 })).map((entry) => entry.slug);
    expect(slugs.indexOf("index-old")).toBeLessThan(slugs.indexOf("index-new"));
    expect(slugs).not.toContain("index-draft");
    expect(slugs).not.toContain("taken-down");
    const old = (await listPublishedStories({ limit: 100 })).find((entry) => entry.slug === "index-old");
    expect(old?.headline).toBe("Old story, updated");
  });
});
