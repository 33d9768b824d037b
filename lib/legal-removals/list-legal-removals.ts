import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { parseInput } from "@/lib/validation/parse-input";

import {
  contributorIdsOf,
  legalRemovalSelect,
  toLegalRemovalDto,
  type LegalRemovalRequestDto,
  type LegalRemovalRow,
} from "./legal-removal-dto";
import { assertPossibleNumber, requestNotFound } from "./legal-removal-errors";
import { ListLegalRemovalsInput } from "./legal-removal-input";

// Removals are rare (a few a year in most newsrooms); the list shows the newest this many.
const listLimit = 200;

async function toDtos(options: {
  rows: LegalRemovalRow[];
  viewerId: string;
}): Promise<LegalRemovalRequestDto[]> {
  const ids = contributorIdsOf(options.rows);
  const contributors = ids.length
    ? await getDb().contributor.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const names = new Map(contributors.map((contributor) => [contributor.id, contributor.name]));
  return options.rows.map((row) => toLegalRemovalDto({ row, viewerId: options.viewerId, names }));
}

/**
 * Removal requests, newest first, each saying whether it waits for this admin (pending, asked for by someone
 * else). Admins only: a pending request holds the text that must go.
 */
export async function listLegalRemovals(options: {
  actor: Actor;
  state?: string;
  slug?: string;
}): Promise<LegalRemovalRequestDto[]> {
  const { actor } = options;
  assertCan({ actor, permission: "legal:remove" });
  const filter = parseInput({
    schema: ListLegalRemovalsInput,
    input: { state: options.state, slug: options.slug },
  });
  const where: Prisma.LegalRemovalRequestWhereInput = {
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.slug ? { story: { slug: filter.slug } } : {}),
  };
  const rows = await getDb().legalRemovalRequest.findMany({
    where,
    select: legalRemovalSelect,
    orderBy: { number: "desc" },
    take: listLimit,
  });
  return toDtos({ rows, viewerId: actor.userId });
}

/** One request by its number, with the removal record once approved (the record holds no removed text). */
export async function getLegalRemoval(options: {
  actor: Actor;
  number: number;
}): Promise<LegalRemovalRequestDto> {
  assertCan({ actor: options.actor, permission: "legal:remove" });
  return readLegalRemoval({ number: options.number, viewerId: options.actor.userId });
}

/** The DTO of request `number` as `viewerId` sees it, or not_found. No authorization: callers decide. */
export async function readLegalRemoval(options: {
  number: number;
  viewerId: string;
}): Promise<LegalRemovalRequestDto> {
  assertPossibleNumber({ number: options.number });
  const row = await getDb().legalRemovalRequest.findUnique({
    where: { number: options.number },
    select: legalRemovalSelect,
  });
  if (!row) throw requestNotFound({ number: options.number });
  const [dto] = await toDtos({ rows: [row], viewerId: options.viewerId });
  return dto!;
}
