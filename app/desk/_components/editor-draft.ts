import slugify from "@sindresorhus/slugify";

import type { CreditRole } from "@/lib/db/generated/enums";
import type { RevisionContent } from "@/lib/revisions/revision-content";
import type { savableKinds } from "@/lib/revisions/save-revision-input";

export type SavableKind = (typeof savableKinds)[number];

/**
 * Each image and credit row carries a key of its own so reordering never mixes up inputs. An image is a
 * library photo (`photoId`, url empty) or, for stories written before the library, an image by URL.
 */
export type ImageDraft = {
  key: string;
  photoId: string;
  url: string;
  alt: string;
  caption: string;
  credit: string;
};
export type CreditDraft = { key: string; name: string; role: CreditRole; location: string };

export type ContentDraft = {
  headline: string;
  dek: string;
  byline: string;
  body: string;
  developing: boolean;
  images: ImageDraft[];
  credits: CreditDraft[];
};

export type ChangeDraft = { kind: SavableKind; summary: string; note: string; internalNote: string };

/** Everything on the edit screen that the person typed: what is kept in the browser and sent on save. */
export type EditorDraft = { slug: string; content: ContentDraft; change: ChangeDraft };

let counter = 0;
export function rowKey(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter}`;
}

/** A copy of the image or credit rows with the row at `index` moved one place up (-1) or down (+1). */
export function moveItem<T>(items: T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (target < 0 || target >= items.length) return items;
  const next = [...items];
  next.splice(target, 0, ...next.splice(index, 1));
  return next;
}

export function draftFromContent(content: RevisionContent): ContentDraft {
  return {
    headline: content.headline,
    dek: content.dek,
    byline: content.byline,
    body: content.body,
    developing: content.developing,
    images: content.images.map((image) => ({
      key: rowKey(),
      photoId: image.photoId ?? "",
      url: image.url,
      alt: image.alt,
      caption: image.caption,
      credit: image.credit,
    })),
    credits: content.credits.map((credit) => ({
      key: rowKey(),
      name: credit.name,
      role: credit.role,
      location: credit.location ?? "",
    })),
  };
}

export const emptyContent: ContentDraft = {
  headline: "",
  dek: "",
  byline: "",
  body: "",
  developing: false,
  images: [],
  credits: [],
};
export const emptyChange: ChangeDraft = { kind: "update", summary: "", note: "", internalNote: "" };

/**
 * The content as the revision services take it: credits by name (found or created), empty places left out.
 */
export function contentPayload(content: ContentDraft) {
  return {
    headline: content.headline,
    dek: content.dek,
    byline: content.byline,
    body: content.body,
    developing: content.developing,
    images: content.images.map((image) =>
      image.photoId
        ? { photoId: image.photoId, alt: image.alt, caption: image.caption, credit: image.credit }
        : { url: image.url, alt: image.alt, caption: image.caption, credit: image.credit },
    ),
    credits: content.credits.map((credit) => ({
      name: credit.name,
      role: credit.role,
      ...(credit.location.trim() ? { location: credit.location } : {}),
    })),
  };
}

/** Two drafts hold the same content when what would be saved is identical (row keys do not count). */
export function sameContent(a: ContentDraft, b: ContentDraft): boolean {
  return JSON.stringify(contentPayload(a)) === JSON.stringify(contentPayload(b));
}

export const kindLabels: Record<SavableKind, string> = {
  update: "Update",
  correction: "Correction",
  clarification: "Clarification",
  editors_note: "Editor's note",
  minor: "Minor fix (typo, no new information)",
};

export const creditRoleLabels: Record<CreditRole, string> = {
  byline: "Byline",
  contributed_reporting: "Contributed reporting",
  additional_reporting: "Additional reporting",
  photo: "Photo",
  editing: "Editing",
};

const slugMaxLength = 80;

/**
 * A URL-safe slug suggested from a headline: "Fire at Pier 4 — Día 2" → "fire-at-pier-4-dia-2", "Russia’s" →
 * "russias". @sindresorhus/slugify transliterates and folds contractions; a long headline is cut after its
 * last whole word that fits, never mid-word.
 */
export function slugFromHeadline(headline: string): string {
  const full = slugify(headline, { decamelize: false });
  let slug = "";
  for (const word of full.split("-")) {
    const longer = slug ? `${slug}-${word}` : word;
    if (longer.length > slugMaxLength) break;
    slug = longer;
  }
  // A first word longer than the whole limit is the one case that must be cut.
  return slug || full.slice(0, slugMaxLength);
}

/** What the minor-change rule compares (lib/editorial/minor-change-check.ts). */
export function minorCheckContent(content: ContentDraft) {
  return {
    headline: content.headline,
    dek: content.dek,
    byline: content.byline,
    body: content.body,
    captions: content.images.map((image) => image.caption),
    creditNames: content.credits.map((credit) => credit.name.trim()),
  };
}
