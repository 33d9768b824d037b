import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { readStory } from "@/lib/stories/story";
import { parseInput } from "@/lib/validation/parse-input";

import { DiffRevisionsInput } from "./diff-revisions-input";
import type { ContentDiff, DiffSide } from "./diff/content-diff-types";
import { diffContentOffLoop } from "./diff/diff-content-off-loop";
import { printedNotesText } from "./printed-notes";
import { readRevision } from "./read-revision";
import type { RevisionDto } from "./revision-dto";

/** The structured diff between two revisions of a story (either order), notes included. */
export async function diffRevisions(options: {
  actor: Actor;
  slug: string;
  from: number | string;
  to: number | string;
}): Promise<{ from: number; to: number; diff: ContentDiff }> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const { from, to } = parseInput({
    schema: DiffRevisionsInput,
    input: { from: options.from, to: options.to },
  });
  const { id } = await readStory({ slug: options.slug });
  const [older, newer] = await Promise.all([
    readRevision({ storyId: id, number: from }),
    readRevision({ storyId: id, number: to }),
  ]);
  const [olderNotes, newerNotes] = await Promise.all([
    printedNotesText({ storyId: id, revision: older.revision }),
    printedNotesText({ storyId: id, revision: newer.revision }),
  ]);
  return {
    from,
    to,
    diff: await diffContentOffLoop({
      from: withNotes({ revision: older.revision, printedNotes: olderNotes }),
      to: withNotes({ revision: newer.revision, printedNotes: newerNotes }),
    }),
  };
}

function withNotes(options: { revision: RevisionDto; printedNotes: string }): DiffSide {
  const { revision } = options;
  return {
    ...revision.content,
    meta: {
      kind: revision.kind,
      summary: revision.summary ?? "",
      publicNote: revision.publicNote,
      printedNotes: options.printedNotes,
    },
  };
}
