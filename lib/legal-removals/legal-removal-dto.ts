import "server-only";

import { z } from "zod";

import type { Prisma } from "@/lib/db/generated/client";
import type { LegalRemovalNoticePlacement, LegalRemovalState } from "@/lib/db/generated/enums";

import type { RemovalField } from "./legal-removal-input";

type Person = { id: string; name: string };

/**
 * One thing a request names. A passage's text and a contributor's name are there only while the request is
 * pending: deciding it (either way) forgets them, so the request never keeps what it was about.
 */
export type LegalRemovalItemDto =
  | { kind: "passage"; field: RemovalField; text: string | null }
  | { kind: "photo"; photoId: string }
  | { kind: "contributor"; contributorId: string; name: string | null };

/** What an approval changed, from the append-only record. It holds no removed text. */
export type LegalRemovalRecordDto = {
  approvedAt: string;
  approvedBy: Person;
  /** Every revision and field the removal changed (credits, images and notes included). */
  revisionsChanged: { revision: number; fields: string[] }[];
  /** Other stored copies changed: status history, schedules, review threads, photos, the directory. */
  elsewhereChanged: { table: string; rows: number }[];
  /** One entry per removed text; its salted SHA-256 stays in the database (verifyRemovedText). */
  removed: { kind: "passage" | "photo" | "contributor"; field?: string }[];
  /** Whether what readers see changed, which moved the story's "Updated" time. */
  liveChanged: boolean;
};

/** A removal request as the desk and the API show it (to admins only). */
export type LegalRemovalRequestDto = {
  number: number;
  slug: string;
  /** The story's newest headline, as stored now (with a marker where something was removed). */
  headline: string;
  state: LegalRemovalState;
  items: LegalRemovalItemDto[];
  internalReason: string;
  publicNotice: string;
  noticePlacement: LegalRemovalNoticePlacement;
  removeFromDirectory: boolean;
  requestedBy: Person;
  requestedAt: string;
  decidedBy: Person | null;
  decidedAt: string | null;
  /** Why it was declined or withdrawn. */
  decisionReason: string | null;
  /** Pending and asked for by someone else: this admin may approve or decline it. */
  waitingForYou: boolean;
  record: LegalRemovalRecordDto | null;
};

export const legalRemovalSelect = {
  id: true,
  number: true,
  state: true,
  items: true,
  internalReason: true,
  publicNotice: true,
  noticePlacement: true,
  removeFromDirectory: true,
  requestedAt: true,
  decidedAt: true,
  decisionReason: true,
  storyId: true,
  story: {
    select: { slug: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { headline: true } } },
  },
  requestedBy: { select: { id: true, name: true } },
  decidedBy: { select: { id: true, name: true } },
  record: {
    select: {
      approvedAt: true,
      approvedBy: { select: { id: true, name: true } },
      revisionsChanged: true,
      elsewhereChanged: true,
      removed: true,
      liveChanged: true,
    },
  },
} satisfies Prisma.LegalRemovalRequestSelect;

export type LegalRemovalRow = Prisma.LegalRemovalRequestGetPayload<{ select: typeof legalRemovalSelect }>;

// The JSON columns as the database function writes them (migration 20261207220000_legal_removals).
const StoredItems = z.array(
  z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("passage"),
      field: z.enum(["headline", "dek", "byline", "body"]),
      text: z.string().nullable(),
    }),
    z.object({ kind: z.literal("photo"), photoId: z.string() }),
    z.object({ kind: z.literal("contributor"), contributorId: z.string() }),
  ]),
);
const StoredRevisionsChanged = z.array(z.object({ revision: z.number(), fields: z.array(z.string()) }));
const StoredElsewhere = z.array(z.object({ table: z.string(), rows: z.number() }));
const StoredRemoved = z.array(
  z.object({
    kind: z.enum(["passage", "photo", "contributor"]),
    field: z.string().nullish(),
    salt: z.string(),
    sha256: z.string(),
  }),
);
export type StoredRemoved = z.infer<typeof StoredRemoved>;

export function storedItems(items: Prisma.JsonValue): z.infer<typeof StoredItems> {
  return StoredItems.parse(items);
}

export function storedRemoved(removed: Prisma.JsonValue): StoredRemoved {
  return StoredRemoved.parse(removed);
}

/**
 * The DTO of one request. `names` gives the directory names of the contributors it names, shown while the
 * request is pending.
 */
export function toLegalRemovalDto(options: {
  row: LegalRemovalRow;
  viewerId: string;
  names: ReadonlyMap<string, string>;
}): LegalRemovalRequestDto {
  const { row, viewerId, names } = options;
  const pending = row.state === "pending";
  const record = row.record;
  return {
    number: row.number,
    slug: row.story.slug,
    headline: row.story.revisions[0]?.headline ?? "",
    state: row.state,
    items: storedItems(row.items).map((item): LegalRemovalItemDto => {
      if (item.kind === "passage") return { ...item, text: pending ? item.text : null };
      if (item.kind === "photo") return item;
      return { ...item, name: pending ? (names.get(item.contributorId) ?? null) : null };
    }),
    internalReason: row.internalReason,
    publicNotice: row.publicNotice,
    noticePlacement: row.noticePlacement,
    removeFromDirectory: row.removeFromDirectory,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    waitingForYou: pending && row.requestedBy.id !== viewerId,
    record: record
      ? {
          approvedAt: record.approvedAt.toISOString(),
          approvedBy: record.approvedBy,
          revisionsChanged: StoredRevisionsChanged.parse(record.revisionsChanged),
          elsewhereChanged: StoredElsewhere.parse(record.elsewhereChanged),
          removed: storedRemoved(record.removed).map((entry) =>
            entry.field ? { kind: entry.kind, field: entry.field } : { kind: entry.kind },
          ),
          liveChanged: record.liveChanged,
        }
      : null,
  };
}

/** The directory names of the contributors the rows name, for their pending requests. */
export function contributorIdsOf(rows: readonly LegalRemovalRow[]): string[] {
  return rows.flatMap((row) =>
    row.state === "pending"
      ? storedItems(row.items).flatMap((item) => (item.kind === "contributor" ? [item.contributorId] : []))
      : [],
  );
}
