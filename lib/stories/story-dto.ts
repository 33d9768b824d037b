import type { StoryStatus } from "@/lib/db/generated/enums";

/** A story as the desk and the API see it: mutable pointers plus the newest headline. */
export type StoryDto = {
  slug: string;
  status: StoryStatus;
  /** The live revision's developing flag (the newest revision's while nothing is live). */
  developing: boolean;
  /** ISO instants, or null. */
  firstPublishedAt: string | null;
  /** The reader's "Updated" instant: publish time of the newest live material revision; null until one exists. */
  lastMaterialUpdateAt: string | null;
  latestRevisionNumber: number;
  liveRevisionNumber: number | null;
  /** Headline of the newest revision (draft or live). */
  headline: string;
  lastRevisedAt: string;
  lastRevisedBy: { id: string; name: string };
};
