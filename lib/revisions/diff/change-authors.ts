import type { RevisionContent } from "@/lib/revisions/revision-content";

import { splitParagraphs } from "./paragraphs";

/**
 * One version on the way from what readers have to what goes out: a saved draft, or the form being published.
 */
export type AuthoredVersion = { author: string; revision: number | null; content: RevisionContent };

/**
 * A change readers will get, credited to the version that made it (null revision: the form, not saved yet).
 */
export type AuthoredChange = {
  author: string;
  revision: number | null;
  where: "headline" | "dek" | "byline" | "body";
  change: "added" | "removed" | "changed";
  text: string;
};

const textFields = ["headline", "dek", "byline"] as const;

/**
 * The version that made a change still present in the last one: the earliest of the unbroken run of versions,
 * counted back from the last, in which the change holds. A change undone and redone is credited to the redo.
 */
function introducer<T>(versions: readonly T[], holds: (version: T) => boolean): T {
  let index = versions.length - 1;
  while (index > 0 && holds(versions[index - 1]!)) index -= 1;
  return versions[index]!;
}

/**
 * Who wrote each change between what readers have (`live`) and what goes out (the last of `versions`, after
 * the drafts saved since live): headline, dek and byline by field, the body by paragraph (one added or
 * removed whole; an edited paragraph is an old one removed and a new one added, so it is credited where it
 * was rewritten). Matching is exact text, so a merged draft's paragraphs keep their author.
 */
export function changeAuthors(options: {
  live: RevisionContent;
  versions: readonly AuthoredVersion[];
}): AuthoredChange[] {
  const { live, versions } = options;
  const last = versions.at(-1);
  if (!last) return [];
  const changes: AuthoredChange[] = [];
  for (const where of textFields) {
    const value = last.content[where];
    if (value === live[where]) continue;
    const by = introducer(versions, (version) => version.content[where] === value);
    changes.push({
      author: by.author,
      revision: by.revision,
      where,
      change: live[where] === "" ? "added" : value === "" ? "removed" : "changed",
      text: value || live[where],
    });
  }
  const paragraphSets = new Map(
    versions.map((version) => [version, new Set(splitParagraphs(version.content.body))]),
  );
  const liveParagraphs = splitParagraphs(live.body);
  const liveSet = new Set(liveParagraphs);
  const outgoing = paragraphSets.get(last)!;
  for (const paragraph of outgoing) {
    if (liveSet.has(paragraph)) continue;
    const by = introducer(versions, (version) => paragraphSets.get(version)!.has(paragraph));
    changes.push({
      author: by.author,
      revision: by.revision,
      where: "body",
      change: "added",
      text: paragraph,
    });
  }
  for (const paragraph of new Set(liveParagraphs)) {
    if (outgoing.has(paragraph)) continue;
    const by = introducer(versions, (version) => !paragraphSets.get(version)!.has(paragraph));
    changes.push({
      author: by.author,
      revision: by.revision,
      where: "body",
      change: "removed",
      text: paragraph,
    });
  }
  return changes;
}
