import "server-only";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import { lockStory } from "../stories/lock-story";
import { readStory } from "../stories/read-story";
import { parseInput } from "../validation/parse-input";
import { appendRevision } from "./append-revision";
import { PublishRevisionInput } from "./publish-revision-input";
import { readRevision } from "./read-revision";
import { contentLimits, noteRequiredKinds, type RevisionKind } from "./revision-content";
import type { SaveRevisionResult } from "./save-revision";
import { staleBaseConflict } from "./stale-base-conflict";
import { writeTransaction } from "./write-transaction";

type Attempt =
  | { type: "created"; result: SaveRevisionResult }
  | { type: "unchanged"; storyId: string }
  | { type: "stale"; storyId: string; mergeBase: number; latestNumber: number };

/**
 * Makes revision `number` (typically a submitted draft) live. Revisions are immutable, so this records a NEW
 * revision with that content, authored by the publishing editor. If revisions after it changed the content,
 * publishing it would silently undo them, so that is refused as a conflict with a merge proposal instead.
 */
export async function publishRevision(
  options: { actor: Actor; slug: string; number: number } & Partial<PublishRevisionInput>,
): Promise<SaveRevisionResult> {
  const { actor, slug, number } = options;
  assertCan({ actor, permission: "revision:publish" });
  const input = parseInput({ schema: PublishRevisionInput, input: { kind: options.kind, summary: options.summary, note: options.note } });

  const attempt = await writeTransaction({
    work: async (tx): Promise<Attempt> => {
      const story = await lockStory({ tx, slug });
      const { revision: source, contentHash } = await readRevision({ tx, storyId: story.id, number });
      if (story.liveRevisionNumber === number) return { type: "unchanged", storyId: story.id };
      if (number < story.latestRevisionNumber) {
        const moved = await tx.revision.findFirst({
          where: { storyId: story.id, number: { gt: number }, contentHash: { not: contentHash } },
          select: { number: true },
        });
        if (moved) return { type: "stale", storyId: story.id, mergeBase: source.baseNumber ?? number, latestNumber: story.latestRevisionNumber };
      }
      const neverOut = story.firstPublishedAt === null;
      const kind: RevisionKind = input.kind ?? (neverOut ? "initial" : source.kind === "initial" ? "update" : source.kind);
      const publicNote = input.note ?? source.publicNote;
      if ((noteRequiredKinds as readonly string[]).includes(kind) && !publicNote) {
        throw new AppError({
          code: "validation_failed",
          message: `publishing revision ${number} as ${kind} without a public note`,
          userMessage: `A ${kind.replace("_", " ")} needs a public note for readers.`,
          details: { fields: [{ path: "note", message: "required for this kind of change" }] },
        });
      }
      const summary = input.summary ?? `Published revision ${number}${source.summary ? `: ${source.summary}` : ""}`.slice(0, contentLimits.summary);
      const appended = await appendRevision({
        tx,
        story,
        actor,
        content: source.content,
        kind,
        summary,
        publicNote: kind === "minor" ? null : publicNote,
        baseNumber: story.latestRevisionNumber,
        publish: true,
      });
      return { type: "created", result: { outcome: "created", ...appended } };
    },
  });

  if (attempt.type === "created") return attempt.result;
  if (attempt.type === "unchanged") {
    const [{ story }, { revision }] = await Promise.all([readStory({ slug }), readRevision({ storyId: attempt.storyId, number })]);
    return { outcome: "unchanged", story, revision };
  }
  const { revision: ours } = await readRevision({ storyId: attempt.storyId, number });
  throw await staleBaseConflict({
    storyId: attempt.storyId,
    baseNumber: attempt.mergeBase,
    latestNumber: attempt.latestNumber,
    ours: async () => ours.content,
  });
}
