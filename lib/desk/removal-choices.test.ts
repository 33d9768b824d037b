import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { approveLegalRemoval } from "@/lib/legal-removals/decide-legal-removal";
import { requestLegalRemoval } from "@/lib/legal-removals/request-legal-removal";
import { ingestPhoto } from "@/lib/media/ingest-photo";
import { plainJpeg } from "@/lib/media/test-photos";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory } from "@/lib/revisions/test-stories";

import { readRemovalChoices, readRemovalSource } from "./removal-choices";

describe("what the removal request form offers", { timeout: 120_000 }, () => {
  let admin: Actor;
  let editor: Actor;
  let photoId: string;

  beforeAll(async () => {
    admin = await createTestActor({ role: "admin" });
    editor = await createTestActor({ role: "editor" });
    photoId = (
      await ingestPhoto({ actor: editor, bytes: await plainJpeg({ width: 600, height: 400, seed: 24 }) })
    ).photo.id;
    await createTestStory({ actor: editor, slug: "choices-story", publish: true, body: "A source said so." });
    await saveRevision({
      actor: editor,
      slug: "choices-story",
      input: {
        baseRevision: 1,
        summary: "Adds a photo and a second reporter",
        body: "A source, Ana Ruiz, said so.",
        images: [{ photoId, alt: "The harbour", caption: "The harbour at dawn." }],
        credits: [
          { name: "Test Reporter", role: "byline" },
          { name: "Ana Ruiz", role: "contributed_reporting" },
        ],
      },
    });
    await saveRevision({
      actor: editor,
      slug: "choices-story",
      input: { baseRevision: 2, summary: "Keeps the photo", dek: "A dek" },
    });
  });

  it("lists every revision, each photo and each credited person once across revisions, and starts on the newest text", async () => {
    const choices = await readRemovalChoices({ actor: admin, slug: "choices-story" });
    expect(choices.revisions.map((revision) => revision.number)).toEqual([3, 2, 1]);
    expect(choices.source).toMatchObject({
      revision: 3,
      fields: { body: "A source, Ana Ruiz, said so.", dek: "A dek" },
    });
    expect(choices.photos).toEqual([
      { id: photoId, caption: expect.any(String), credit: expect.any(String), revisions: [2, 3] },
    ]);
    expect(choices.contributors.map((person) => [person.name, person.roles, person.revisions])).toEqual([
      ["Ana Ruiz", ["contributed_reporting"], [2, 3]],
      ["Test Reporter", ["byline"], [1, 2, 3]],
    ]);
    expect((await readRemovalSource({ actor: admin, slug: "choices-story", revision: 1 })).fields.body).toBe(
      "A source said so.",
    );
  });

  it("no longer offers a photo or a person once a removal took them out", async () => {
    const second = await createTestActor({ role: "admin" });
    const request = await requestLegalRemoval({
      actor: admin,
      slug: "choices-story",
      input: {
        items: [
          { kind: "photo", photoId },
          {
            kind: "contributor",
            contributorId: (await readRemovalChoices({ actor: admin, slug: "choices-story" }))
              .contributors[0]!.id,
          },
        ],
        internalReason: "Erasure request",
        publicNotice: "This story was edited on legal advice.",
        noticePlacement: "foot",
      },
    });
    await approveLegalRemoval({ actor: second, number: request.number });
    const choices = await readRemovalChoices({ actor: admin, slug: "choices-story" });
    expect(choices.photos).toEqual([]);
    expect(choices.contributors.map((person) => person.name)).toEqual(["Test Reporter"]);
  });

  it("is for admins only, and names a story or revision that does not exist", async () => {
    expect((await appErrorOf(readRemovalChoices({ actor: editor, slug: "choices-story" }))).code).toBe(
      "forbidden",
    );
    expect(
      (await appErrorOf(readRemovalSource({ actor: editor, slug: "choices-story", revision: 1 }))).code,
    ).toBe("forbidden");
    expect((await appErrorOf(readRemovalChoices({ actor: admin, slug: "no-such-story" }))).code).toBe(
      "not_found",
    );
    expect(
      (await appErrorOf(readRemovalSource({ actor: admin, slug: "choices-story", revision: 9 }))).code,
    ).toBe("not_found");
  });
});
