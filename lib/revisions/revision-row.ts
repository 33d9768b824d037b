import "server-only";
import type { Prisma } from "../db/generated/client";
import type { RevisionContent, RevisionCredit, StoryImage } from "./revision-content";
import type { RevisionDto, RevisionSummaryDto } from "./revision-dto";

const creditSelect = {
  orderBy: { position: "asc" },
  select: { role: true, location: true, contributor: { select: { id: true, name: true } } },
} satisfies Prisma.Revision$creditsArgs;

/** The columns a history row needs: no content, so long bodies are never read for a timeline. */
export const revisionSummarySelect = {
  number: true,
  createdAt: true,
  kind: true,
  baseNumber: true,
  summary: true,
  publicNote: true,
  publishedAt: true,
  author: { select: { id: true, name: true } },
  credits: creditSelect,
} satisfies Prisma.RevisionSelect;

export const revisionSelect = {
  ...revisionSummarySelect,
  headline: true,
  dek: true,
  byline: true,
  body: true,
  images: true,
  developing: true,
} satisfies Prisma.RevisionSelect;

type SummaryRow = Prisma.RevisionGetPayload<{ select: typeof revisionSummarySelect }>;
type FullRow = Prisma.RevisionGetPayload<{ select: typeof revisionSelect }>;

function toCredits(rows: SummaryRow["credits"]): RevisionCredit[] {
  return rows.map((row) => ({ contributorId: row.contributor.id, name: row.contributor.name, role: row.role, location: row.location }));
}

export function toRevisionSummaryDto(row: SummaryRow): RevisionSummaryDto {
  return {
    number: row.number,
    createdAt: row.createdAt.toISOString(),
    author: row.author,
    kind: row.kind,
    baseNumber: row.baseNumber,
    summary: row.summary,
    publicNote: row.publicNote,
    credits: toCredits(row.credits),
    published: row.publishedAt !== null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

export function toRevisionContent(row: FullRow): RevisionContent {
  return {
    headline: row.headline,
    dek: row.dek,
    byline: row.byline,
    body: row.body,
    // Stored only after validation with StoryImageInput, so the JSON column holds that shape.
    images: row.images as StoryImage[],
    credits: toCredits(row.credits),
    developing: row.developing,
  };
}

export function toRevisionDto(row: FullRow): RevisionDto {
  return { ...toRevisionSummaryDto(row), content: toRevisionContent(row) };
}
