import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { CreditRole, RevisionKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import type { RemovalField } from "@/lib/legal-removals/legal-removal-input";
import { readStory, type StoryDto } from "@/lib/stories/story";

/*
 * What the desk's removal request form offers an admin: the story's revisions (a passage is chosen in the stored
 * text of one of them), the library photos any revision uses, and the contributors any revision credits. The
 * request itself is checked again by lib/legal-removals when it is made.
 */

export type RemovalSource = { revision: number; fields: Record<RemovalField, string> };

export type RemovalChoices = {
  story: StoryDto;
  revisions: { number: number; kind: RevisionKind; createdAt: string; author: string; published: boolean }[];
  /** The newest revision's stored text, where the form starts. */
  source: RemovalSource;
  photos: { id: string; caption: string; credit: string; revisions: number[] }[];
  contributors: { id: string; name: string; roles: CreditRole[]; revisions: number[] }[];
};

export async function readRemovalChoices(options: { actor: Actor; slug: string }): Promise<RemovalChoices> {
  assertCan({ actor: options.actor, permission: "legal:remove" });
  const { id, story } = await readStory({ slug: options.slug });
  const db = getDb();
  const [revisions, source, uses, credits] = await Promise.all([
    db.revision.findMany({
      where: { storyId: id },
      orderBy: { number: "desc" },
      select: {
        number: true,
        kind: true,
        createdAt: true,
        publishedAt: true,
        author: { select: { name: true } },
      },
    }),
    readSource({ storyId: id, revision: story.latestRevisionNumber }),
    db.photoUse.findMany({
      where: { revision: { storyId: id }, photo: { removedAt: null } },
      orderBy: [{ revision: { number: "asc" } }, { position: "asc" }],
      select: {
        revision: { select: { number: true } },
        photo: { select: { id: true, caption: true, credit: true } },
      },
    }),
    db.credit.findMany({
      where: { revision: { storyId: id } },
      orderBy: [{ revision: { number: "asc" } }, { position: "asc" }],
      select: {
        role: true,
        revision: { select: { number: true } },
        contributor: { select: { id: true, name: true } },
      },
    }),
  ]);

  const photos = new Map<string, RemovalChoices["photos"][number]>();
  for (const use of uses) {
    const photo = photos.get(use.photo.id) ?? { ...use.photo, revisions: [] };
    if (!photo.revisions.includes(use.revision.number)) photo.revisions.push(use.revision.number);
    photos.set(use.photo.id, photo);
  }
  const contributors = new Map<string, RemovalChoices["contributors"][number]>();
  for (const credit of credits) {
    const person = contributors.get(credit.contributor.id) ?? {
      ...credit.contributor,
      roles: [],
      revisions: [],
    };
    if (!person.roles.includes(credit.role)) person.roles.push(credit.role);
    if (!person.revisions.includes(credit.revision.number)) person.revisions.push(credit.revision.number);
    contributors.set(credit.contributor.id, person);
  }

  return {
    story,
    revisions: revisions.map((revision) => ({
      number: revision.number,
      kind: revision.kind,
      createdAt: revision.createdAt.toISOString(),
      author: revision.author.name,
      published: revision.publishedAt !== null,
    })),
    source,
    photos: [...photos.values()],
    contributors: [...contributors.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** One revision's stored headline, dek, byline and body, exactly as kept (Markdown source). */
export async function readRemovalSource(options: {
  actor: Actor;
  slug: string;
  revision: number;
}): Promise<RemovalSource> {
  assertCan({ actor: options.actor, permission: "legal:remove" });
  const { id } = await readStory({ slug: options.slug });
  return readSource({ storyId: id, revision: options.revision });
}

async function readSource(options: { storyId: string; revision: number }): Promise<RemovalSource> {
  const row = await getDb().revision.findUnique({
    where: { storyId_number: { storyId: options.storyId, number: options.revision } },
    select: { headline: true, dek: true, byline: true, body: true },
  });
  if (!row) {
    throw new AppError({
      code: "not_found",
      message: `revision ${options.revision} of story ${options.storyId} not found`,
      userMessage: `This story has no revision ${options.revision}.`,
    });
  }
  return { revision: options.revision, fields: row };
}
