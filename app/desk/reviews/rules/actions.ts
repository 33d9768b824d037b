"use server";

import { deskFormAction } from "@/app/_support/desk-action";
import { DeskReviewRulesInput } from "@/lib/reviews/review-desk-input";
import { setReviewRules } from "@/lib/reviews/review-rules";

/** The admin's review rules form. */
export const setReviewRulesAction = deskFormAction({
  name: "setReviewRules",
  permission: "review:rules",
  input: DeskReviewRulesInput,
  fields: ["contributorsNeedApproval", "correctionsNeedSecondEditor"],
  run: async ({ actor, input }) => {
    await setReviewRules({ actor, input });
    return {
      status: "success",
      message: "Review rules saved. They apply to the next publish.",
      result: undefined,
    };
  },
});
