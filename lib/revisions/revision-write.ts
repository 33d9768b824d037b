import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import type { AppError } from "@/lib/errors/app-error";
import { readStory, type LockedStory, type StoryDto } from "@/lib/stories/story";
import { writeStory, type KeyedRequest, type WriteKey } from "@/lib/stories/story-write";

import type { AppendedRevision } from "./append-revision";
import { readRevision } from "./read-revision";
import type { RevisionDto } from "./revision-dto";

export type SaveRevisionResult = {
  outcome: "created" | "unchanged";
  story: StoryDto;
  revision: RevisionDto;
  /**
   * For a request that publishes: whether what readers see changed. "unchanged" = nothing went live (no
   * change-log entry, "Updated" stays); a save that publishes is then kept as a draft if it differs from the
   * newest revision.
   */
  readers?: "changed" | "unchanged";
};

/**
 * What a save, publish or restore did under the story's lock: wrote a revision; wrote nothing and answers
 * with one already there (a retry, or content identical to what it would write); or found its base moved on,
 * which is answered, after the lock is released, with a conflict and a merge proposal.
 */
export type RevisionAttempt =
  | { type: "created"; written: AppendedRevision; readers: "changed" | "unchanged" }
  | { type: "existing"; outcome: "created" | "unchanged"; storyId: string; number: number }
  | { type: "stale"; storyId: string; mergeBase: number; latestNumber: number };

export type StaleAttempt = Extract<RevisionAttempt, { type: "stale" }>;

/**
 * The keyed story write (lib/stories/story-write.ts) for a write that creates a revision: a retry answers with
 * the revision its key created, readers' pages are dropped when a revision went live, and the answer is read
 * after COMMIT.
 */
export async function writeRevision(options: {
  slug: string;
  request: KeyedRequest<"revision">;
  /** The request asked to go live: its answer then says whether readers see a change. */
  publishes: boolean;
  step: (write: {
    tx: Prisma.TransactionClient;
    story: LockedStory;
    key: WriteKey;
  }) => Promise<RevisionAttempt>;
  /** The conflict for a stale base; a write made on top of the newest revision (a restore) is never stale. */
  stale?: (attempt: StaleAttempt) => Promise<AppError>;
}): Promise<SaveRevisionResult> {
  const { slug, publishes } = options;
  const readers = (changed: boolean) =>
    publishes ? { readers: changed ? ("changed" as const) : ("unchanged" as const) } : {};
  return writeStory({
    slug,
    request: options.request,
    step: options.step,
    replay: ({ storyId, write }): RevisionAttempt => ({
      type: "existing",
      outcome: "created",
      storyId,
      number: write.number,
    }),
    readersSeeChange: (attempt) => attempt.type === "created" && attempt.written.revision.published,
    answer: async (attempt): Promise<SaveRevisionResult> => {
      if (attempt.type === "stale") {
        if (!options.stale) throw new Error(`a write to ${slug} without a base found its base stale`);
        throw await options.stale(attempt);
      }
      if (attempt.type === "created")
        return { outcome: "created", ...attempt.written, ...readers(attempt.readers === "changed") };
      const [{ story }, { revision }] = await Promise.all([
        readStory({ slug }),
        readRevision({ storyId: attempt.storyId, number: attempt.number }),
      ]);
      return { outcome: attempt.outcome, story, revision, ...readers(attempt.outcome === "created") };
    },
  });
}
