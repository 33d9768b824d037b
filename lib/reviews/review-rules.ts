import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { writeTransaction } from "@/lib/stories/story-write";
import { parseInput } from "@/lib/validation/parse-input";

import { ReviewRulesInput } from "./review-input";

/** The newsroom's review rules as the desk and the API show them. */
export type ReviewRulesDto = {
  /** A publication carrying a contributor's revision needs an editor's approval of exactly that text. */
  contributorsNeedApproval: boolean;
  /**
   * A publication readers see as a correction, clarification or editor's note needs the approval of an editor
   * other than the one publishing (and other than whoever wrote or submitted it).
   */
  correctionsNeedSecondEditor: boolean;
  updatedAt: string;
  updatedBy: { id: string; name: string } | null;
};

/** The one row of rules (the migration creates it; a missing row reads as "no rules"). */
export async function readReviewRules(
  options: { tx?: Prisma.TransactionClient } = {},
): Promise<ReviewRulesDto> {
  const db = options.tx ?? getDb();
  const row = await db.reviewRules.findUnique({
    where: { id: 1 },
    select: {
      contributorsNeedApproval: true,
      correctionsNeedSecondEditor: true,
      updatedAt: true,
      updatedBy: { select: { id: true, name: true } },
    },
  });
  return {
    contributorsNeedApproval: row?.contributorsNeedApproval ?? false,
    correctionsNeedSecondEditor: row?.correctionsNeedSecondEditor ?? false,
    updatedAt: (row?.updatedAt ?? new Date(0)).toISOString(),
    updatedBy: row?.updatedBy ?? null,
  };
}

/** The rules as anyone on the desk may read them (the publish confirmation names them). */
export async function getReviewRules(options: { actor: Actor }): Promise<ReviewRulesDto> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  return readReviewRules();
}

const ruleWords = (rules: ReviewRulesInput) =>
  [
    `contributors’ work needs approval: ${rules.contributorsNeedApproval ? "on" : "off"}`,
    `corrections need a second editor: ${rules.correctionsNeedSecondEditor ? "on" : "off"}`,
  ].join("; ");

/**
 * Sets both rules (admins only), with a `change_rules` line in the review history in the same transaction. A
 * form sent again with the rules as they are writes nothing.
 */
export async function setReviewRules(options: { actor: Actor; input: unknown }): Promise<ReviewRulesDto> {
  const { actor } = options;
  assertCan({ actor, permission: "review:rules" });
  const input = parseInput({ schema: ReviewRulesInput, input: options.input });
  await writeTransaction({
    work: async (tx) => {
      // The row lock keeps two admins' changes in order, each with its own history line.
      await tx.$queryRaw`SELECT id FROM review_rules WHERE id = 1 FOR UPDATE`;
      const current = await readReviewRules({ tx });
      if (
        current.contributorsNeedApproval === input.contributorsNeedApproval &&
        current.correctionsNeedSecondEditor === input.correctionsNeedSecondEditor
      )
        return;
      await tx.reviewRules.upsert({
        where: { id: 1 },
        create: { id: 1, ...input, updatedById: actor.userId },
        update: { ...input, updatedById: actor.userId, updatedAt: new Date() },
      });
      await tx.reviewEvent.create({
        data: { action: "change_rules", actorId: actor.userId, note: ruleWords(input) },
      });
    },
  });
  return readReviewRules();
}
