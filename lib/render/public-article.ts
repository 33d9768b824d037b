import type { CreditRole } from "@/lib/db/generated/enums";
import type { TimeStyle } from "@/lib/editorial/newsroom-time";

/** The kinds of revision whose public note readers see, with the label that introduces it. */
export const publicNoteLabels = {
  correction: "Correction",
  clarification: "Clarification",
  editors_note: "Editor’s note",
} as const;
export type PublicNoteKind = keyof typeof publicNoteLabels;

export type PublicArticleNote = {
  kind: PublicNoteKind;
  text: string;
  /** ISO instant the note's revision was published. */
  publishedAt: string;
};

/**
 * A library photo's renditions, all on Copydesk's own origin: one `srcset` per format, best first (the last,
 * JPEG, is the `<img>` fallback), and the upright size so the browser reserves the space before it loads.
 */
export type PublicArticlePicture = {
  width: number;
  height: number;
  sources: { type: string; srcset: string }[];
};
/**
 * `url` is the one address to name the picture by (Open Graph, feeds); `picture` is set for library photos.
 */
export type PublicArticleImage = {
  url: string;
  alt: string;
  caption: string;
  credit: string;
  picture?: PublicArticlePicture;
  /** A library photo taken down on legal advice: the page shows its place, nothing of it. */
  removed?: boolean;
};
/**
 * The picture of a library photo placed in the body (a photo line): where it is resolved to. Alt, caption and
 * credit come from the line itself, so the same photo may be placed twice with different captions.
 */
export type PublicBodyPhoto = {
  photoId: string;
  url: string;
  picture?: PublicArticlePicture;
  /** Taken down on legal advice (the library keeps a tombstone): the page shows its place, nothing of it. */
  removed?: boolean;
};
export type PublicArticleCredit = { name: string; role: CreditRole; location: string | null };

/**
 * The public notice of an approved legal removal: shown after the block that holds its marker (`in_place`) or
 * at the foot of the story (`foot`, and wherever the marker is not on the page).
 */
export type PublicRemovalNotice = {
  number: number;
  notice: string;
  placement: "in_place" | "foot";
  /** ISO instant the removal was approved. */
  approvedAt: string;
};

/** How this newsroom prints things; read from configuration on the server and passed along. */
export type NewsroomPresentation = { name: string; timeZone: string; timeStyle: TimeStyle };

/**
 * Everything the story article needs, as plain serialisable data (ISO strings, no Dates, no Prisma rows), so
 * the public page (server) and the desk preview (client) build the same markup from the same input.
 */
export type PublicArticle = {
  slug: string;
  headline: string;
  dek: string;
  byline: string;
  /** Markdown. */
  body: string;
  images: PublicArticleImage[];
  /**
   * Pictures of the photos the body places, each once, in body order; a photo missing here is left out of the
   * page (as a list image that cannot be resolved is).
   */
  bodyPhotos: PublicBodyPhoto[];
  credits: PublicArticleCredit[];
  developing: boolean;
  /** ISO; null only in a preview of a story never published. */
  firstPublishedAt: string | null;
  /** ISO; the story's stored "Updated" instant, null before the first material update. */
  lastMaterialUpdateAt: string | null;
  /**
   * Public notes of every published correction, clarification and editor's note up to the live one, oldest
   * first.
   */
  notes: PublicArticleNote[];
  /** Notices of the story's approved legal removals, oldest first. */
  removalNotices: PublicRemovalNotice[];
  newsroom: NewsroomPresentation;
};
