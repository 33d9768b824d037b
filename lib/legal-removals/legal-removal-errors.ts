import "server-only";

import { sqlStateOf } from "@/lib/db/connection-loss";
import type { LegalRemovalState } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";

/*
 * The refusals of the removal services, and the SQLSTATEs of copydesk_apply_legal_removal (migration
 * 20261207220000_legal_removals) turned into them. The services check the same conditions first, so the
 * database's refusals are reached only in a race (two approvals at once, an admin demoted meanwhile).
 */

export function requestNotFound(options: { number: number }): AppError {
  return new AppError({
    code: "not_found",
    message: `legal removal request ${options.number} not found`,
    userMessage: `There is no removal request ${options.number}.`,
    details: { number: options.number },
  });
}

/** Throws not_found for a number no request can have (the API passes whatever the path says). */
export function assertPossibleNumber(options: { number: number }): void {
  const { number } = options;
  if (!Number.isInteger(number) || number < 1 || number > 2_147_483_647) throw requestNotFound({ number });
}

const decided: Record<Exclude<LegalRemovalState, "pending">, string> = {
  approved: "already approved, and its text removed",
  withdrawn: "already withdrawn by the admin who asked for it",
  declined: "already declined",
};

/** The request is no longer pending: nothing more can be decided about it. */
export function alreadyDecided(options: { number: number; state: LegalRemovalState }): AppError {
  const { number, state } = options;
  const how = state === "pending" ? "still pending" : decided[state];
  return new AppError({
    code: "conflict",
    message: `legal removal request ${number} is ${state}`,
    userMessage: `This request was ${how}, so nothing was changed. Reload it to see where it stands.`,
    details: { number, state },
  });
}

export function ownRequest(options: { number: number; act: "approve" | "decline" }): AppError {
  return new AppError({
    code: "forbidden",
    message: `the requester of legal removal ${options.number} cannot ${options.act} it`,
    userMessage:
      options.act === "approve"
        ? "You asked for this removal, so another admin must approve it."
        : "You asked for this removal, so another admin decides it. You can withdraw it instead.",
    details: { number: options.number },
  });
}

export function notRequester(options: { number: number }): AppError {
  return new AppError({
    code: "forbidden",
    message: `only the requester may withdraw legal removal ${options.number}`,
    userMessage: "Only the admin who asked for this removal can withdraw it. You can decline it instead.",
    details: { number: options.number },
  });
}

export function matchesNothing(options: { number: number }): AppError {
  return new AppError({
    code: "unprocessable",
    message: `legal removal ${options.number} matches nothing in its story`,
    userMessage:
      "Nothing in this request is in the story any more (an earlier removal took it out), so nothing was changed. Decline it, or withdraw it if it is yours.",
    details: { number: options.number },
  });
}

/** What the apply function's refusal means for this request, or the error itself when it is not one. */
export function applyRefusal(options: {
  error: unknown;
  number: number;
  state: () => Promise<LegalRemovalState>;
}): Promise<unknown> | unknown {
  const { error, number } = options;
  switch (sqlStateOf(error)) {
    // Not pending: decided by someone else a moment ago.
    case "23514":
      return options.state().then((state) => alreadyDecided({ number, state }));
    // The approver is no longer an active admin, or is the requester.
    case "42501":
      return new AppError({
        code: "forbidden",
        message: `legal removal ${number} refused by the database: ${String(error)}`,
        userMessage:
          "Only an active admin other than the one who asked for this removal can approve it, so nothing was changed.",
        details: { number },
        cause: error,
      });
    // No such request, or the selection matches nothing in the story.
    case "P0002":
      return matchesNothing({ number });
    default:
      return error;
  }
}
