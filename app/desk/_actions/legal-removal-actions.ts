"use server";

import { deskAction } from "@/app/_support/desk-action";
import {
  DeskRemovalActInput,
  DeskRemovalSourceInput,
  DeskRequestRemovalInput,
  DeskVerifyRemovalInput,
} from "@/lib/desk/desk-removal-input";
import { readRemovalSource } from "@/lib/desk/removal-choices";
import {
  approveLegalRemoval,
  declineLegalRemoval,
  withdrawLegalRemoval,
} from "@/lib/legal-removals/decide-legal-removal";
import { requestLegalRemoval } from "@/lib/legal-removals/request-legal-removal";
import { verifyRemovedText } from "@/lib/legal-removals/verify-removed-text";

/** The request form on a story: what must go, why, and what readers are told. Nothing is removed yet. */
export const requestLegalRemovalAction = deskAction({
  name: "requestLegalRemoval",
  permission: "legal:remove",
  input: DeskRequestRemovalInput,
  run: async ({ actor, input: { slug, request: input } }) => {
    const request = await requestLegalRemoval({ actor, slug, input });
    return {
      status: "success",
      message: `Removal ${request.number} is waiting for another admin to approve it.`,
      result: { number: request.number },
    };
  },
});

/** The form's passage picker: one revision's stored text, as it is kept. */
export const readRemovalSourceAction = deskAction({
  name: "readRemovalSource",
  permission: "legal:remove",
  input: DeskRemovalSourceInput,
  run: async ({ actor, input }) => ({
    status: "success",
    message: `Revision ${input.revision}`,
    result: await readRemovalSource({ actor, ...input }),
  }),
});

/** A second admin approves: everything the request names is removed, in one transaction. */
export const approveLegalRemovalAction = deskAction({
  name: "approveLegalRemoval",
  permission: "legal:remove",
  input: DeskRemovalActInput,
  run: async ({ actor, input: { number } }) => {
    const request = await approveLegalRemoval({ actor, number });
    return {
      status: "success",
      message: `Removal ${request.number} is done: the text is gone from every stored copy.`,
      result: { state: request.state },
    };
  },
});

export const declineLegalRemovalAction = deskAction({
  name: "declineLegalRemoval",
  permission: "legal:remove",
  input: DeskRemovalActInput,
  run: async ({ actor, input: { number, act } }) => {
    const request = await declineLegalRemoval({ actor, number, input: act });
    return {
      status: "success",
      message: `Removal ${request.number} was declined; nothing was removed.`,
      result: { state: request.state },
    };
  },
});

export const withdrawLegalRemovalAction = deskAction({
  name: "withdrawLegalRemoval",
  permission: "legal:remove",
  input: DeskRemovalActInput,
  run: async ({ actor, input: { number, act } }) => {
    const request = await withdrawLegalRemoval({ actor, number, input: act });
    return {
      status: "success",
      message: `Removal ${request.number} was withdrawn; nothing was removed.`,
      result: { state: request.state },
    };
  },
});

/** Proves what an approved removal took out: the pasted text is hashed with the record's salts, never kept. */
export const verifyRemovedTextAction = deskAction({
  name: "verifyRemovedText",
  permission: "legal:remove",
  input: DeskVerifyRemovalInput,
  run: async ({ actor, input }) => {
    const verified = await verifyRemovedText({ actor, ...input });
    return {
      status: "success",
      message:
        verified.matches.length > 0
          ? "This text is one that the removal took out."
          : "This text matches nothing the removal took out.",
      result: verified,
    };
  },
});
