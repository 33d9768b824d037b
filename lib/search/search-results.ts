import type { RevisionKind, StoryStatus } from "@/lib/db/generated/enums";

import type { SearchScope } from "./search-input";

/** Where in a revision a passage was found. Internal notes are shown to the newsroom only (every desk role). */
export type SearchField =
  | "headline"
  | "dek"
  | "byline"
  | "body"
  | "captions"
  | "credits"
  | "summary"
  | "public_note"
  | "internal_note";

/**
 * A stretch of text around a match, in parts: `hit` parts are the words the query matched. Rendered as text
 * (never as HTML); legal removal markers stay as they are in the stored text.
 */
export type SearchSnippet = { field: SearchField; parts: { text: string; hit: boolean }[] };

/** One story in the results, shown by the revision that matched best. */
export type SearchHit = {
  story: {
    slug: string;
    status: StoryStatus;
    developing: boolean;
    /** The story's current headline (live, or the newest draft when nothing is live). */
    headline: string;
    liveRevisionNumber: number | null;
    latestRevisionNumber: number;
  };
  /** The revision whose text matched best (scope "live": the current version). */
  revision: {
    number: number;
    kind: RevisionKind;
    /** ISO instant. */
    createdAt: string;
    authorName: string;
  };
  snippets: SearchSnippet[];
  /** Scope "all": every revision number that held a match, oldest first (capped at 50). Scope "live": [number]. */
  heldIn: number[];
  /** Whether the current version (live, or newest draft) still holds a match. */
  inCurrent: boolean;
  /** When the text is only in older revisions: the last one that held it, and the revision (and instant) that took it out. */
  gone: { lastHeldIn: number; goneIn: number; goneAt: string } | null;
  /** Desk paths: the matched revision, and the diff where the text appeared or went. */
  links: { revision: string; diff: string | null };
};

export type SearchPage = {
  scope: SearchScope;
  hits: SearchHit[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
};
