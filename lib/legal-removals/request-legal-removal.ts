import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { StorySlugInput } from "@/lib/stories/story-slug";
import { parseInput, type FieldIssue } from "@/lib/validation/parse-input";

import type { LegalRemovalRequestDto } from "./legal-removal-dto";
import { LegalRemovalRequestInput, type LegalRemovalItemInput } from "./legal-removal-input";
import { readLegalRemoval } from "./list-legal-removals";

function noStory(options: { slug: string }): AppError {
  return new AppError({
    code: "not_found",
    message: `legal removal asked for missing story ${JSON.stringify(options.slug)}`,
    userMessage: `No story at “${options.slug}”: check the address, nothing was asked for.`,
    details: { slug: options.slug },
  });
}

const fieldNames = { headline: "headline", dek: "dek", byline: "byline", body: "body" } as const;

/** Why one item matches nothing in any revision of the story, or null when it matches something. */
async function itemProblem(options: {
  db: Prisma.TransactionClient;
  storyId: string;
  item: LegalRemovalItemInput;
}): Promise<string | null> {
  const { db, storyId, item } = options;
  if (item.kind === "passage") {
    // Exactly as stored (the Markdown source), case-sensitive: strpos, not LIKE, so % and _ are plain text.
    const [found] = await db.$queryRaw<{ found: boolean }[]>`
      SELECT EXISTS (
        SELECT 1 FROM revisions WHERE story_id = ${storyId}::uuid AND strpos(
          CASE ${item.field} WHEN 'headline' THEN headline WHEN 'dek' THEN dek WHEN 'byline' THEN byline
            ELSE body END, ${item.text}) > 0) AS found`;
    return found?.found
      ? null
      : `is not in the ${fieldNames[item.field]} of any revision of this story (it must match exactly, capitals and Markdown included)`;
  }
  if (item.kind === "photo") {
    const used = await db.photoUse.findFirst({
      where: { photoId: item.photoId, revision: { storyId }, photo: { removedAt: null } },
      select: { photoId: true },
    });
    return used ? null : "is not a photo any revision of this story uses";
  }
  const credited = await db.credit.findFirst({
    where: { contributorId: item.contributorId, revision: { storyId } },
    select: { id: true },
  });
  return credited ? null : "is not a contributor credited in any revision of this story";
}

/**
 * An admin asks for material to be taken out of every stored copy of a story. Nothing is removed until a
 * second admin approves (approveLegalRemoval). Each item must match something in some revision of the story,
 * so a request cannot be approved by mistake into removing nothing, or something else.
 */
export async function requestLegalRemoval(options: {
  actor: Actor;
  slug: string;
  input: unknown;
}): Promise<LegalRemovalRequestDto> {
  const { actor, slug } = options;
  assertCan({ actor, permission: "legal:remove" });
  const input = parseInput({ schema: LegalRemovalRequestInput, input: options.input });
  if (!StorySlugInput.safeParse(slug).success) throw noStory({ slug });
  const db = getDb();
  const story = await db.story.findUnique({ where: { slug }, select: { id: true } });
  if (!story) throw noStory({ slug });

  const issues: FieldIssue[] = [];
  for (const [index, item] of input.items.entries()) {
    const problem = await itemProblem({ db, storyId: story.id, item });
    if (problem) issues.push({ path: `items.${index}`, message: problem });
  }
  if (input.removeFromDirectory && !input.items.some((item) => item.kind === "contributor"))
    issues.push({
      path: "removeFromDirectory",
      message: "applies only to a contributor being removed; choose one, or leave this unticked",
    });
  if (issues.length > 0) {
    const first = issues[0]!;
    const where = first.path.startsWith("items.")
      ? `Item ${Number(first.path.slice("items.".length)) + 1}`
      : "Remove from the directory";
    throw new AppError({
      code: "validation_failed",
      message: `legal removal request refused: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`,
      userMessage: `${where} ${first.message}. Nothing was asked for.`,
      details: { fields: issues },
    });
  }

  const created = await db.legalRemovalRequest.create({
    data: {
      storyId: story.id,
      items: input.items,
      internalReason: input.internalReason,
      publicNotice: input.publicNotice,
      noticePlacement: input.noticePlacement,
      removeFromDirectory: input.removeFromDirectory,
      requestedById: actor.userId,
    },
    select: { number: true },
  });
  return readLegalRemoval({ number: created.number, viewerId: actor.userId });
}
