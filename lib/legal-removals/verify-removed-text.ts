import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";

import { storedRemoved } from "./legal-removal-dto";
import { assertPossibleNumber, requestNotFound } from "./legal-removal-errors";
import { VerifyRemovedTextInput } from "./legal-removal-input";

export type RemovedTextMatch = { kind: "passage" | "photo" | "contributor"; field?: string };

/** SHA-256 of salt then text in UTF-8, as copydesk_salted_sha256 computes it in the database. */
export function saltedSha256(options: { salt: string; text: string }): string {
  return createHash("sha256")
    .update(options.salt + options.text, "utf8")
    .digest("hex");
}

/**
 * Whether `text` is what removal `number` took out: the record keeps a salted SHA-256 of each removed text
 * (a passage exactly as stored, a contributor's name, a photo's original file as its hex SHA-256), so the
 * newsroom can prove what went without keeping it. Answers which removed items the text matches.
 */
export async function verifyRemovedText(options: {
  actor: Actor;
  number: number;
  text: string;
}): Promise<{ matches: RemovedTextMatch[] }> {
  const { actor, number } = options;
  assertCan({ actor, permission: "legal:remove" });
  const { text } = parseInput({ schema: VerifyRemovedTextInput, input: { text: options.text } });
  assertPossibleNumber({ number });
  const record = await getDb().legalRemovalRecord.findUnique({
    where: { number },
    select: { removed: true },
  });
  if (!record) {
    const request = await getDb().legalRemovalRequest.findUnique({
      where: { number },
      select: { state: true },
    });
    if (!request) throw requestNotFound({ number });
    throw new AppError({
      code: "conflict",
      message: `legal removal ${number} is ${request.state}, it has no record to verify against`,
      userMessage: `Removal request ${number} was never approved, so nothing was removed to check against.`,
      details: { number, state: request.state },
    });
  }
  const matches = storedRemoved(record.removed).flatMap((entry): RemovedTextMatch[] => {
    const digest = Buffer.from(saltedSha256({ salt: entry.salt, text }), "hex");
    const kept = Buffer.from(entry.sha256, "hex");
    if (kept.length !== digest.length || !timingSafeEqual(kept, digest)) return [];
    return [entry.field ? { kind: entry.kind, field: entry.field } : { kind: entry.kind }];
  });
  return { matches };
}
