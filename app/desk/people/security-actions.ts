"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actionOrigin } from "@/app/_support/action-origin";
import { deskAction, deskFormAction } from "@/app/_support/desk-action";
import { resetSecondFactors } from "@/lib/auth/second-factor/reset-factors";
import { setSecondFactorRoles } from "@/lib/auth/second-factor/security-policy";
import { UserIdInput } from "@/lib/auth/user-input";

const roleLabels = { admin: "admins", editor: "editors", contributor: "contributors" } as const;

function listInWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** "Second factor required for": the checked roles (the form sends them as a list; FormData would keep one). */
export const securityPolicyAction = deskAction({
  name: "securityPolicy",
  permission: "users:manage",
  input: z.object({ roles: z.array(z.string()).max(3) }),
  run: async ({ actor, input }) => {
    const roles = await setSecondFactorRoles({ actor, roles: input.roles, ...(await actionOrigin()) });
    revalidatePath("/desk/people");
    return {
      status: "success",
      message:
        roles.length === 0
          ? "A second factor is no longer required of anyone."
          : `A second factor is now required of ${listInWords(roles.map((role) => roleLabels[role]))}.`,
      result: roles,
    };
  },
});

export const resetFactorsAction = deskFormAction({
  name: "resetFactors",
  permission: "users:manage",
  input: z.object({ userId: UserIdInput }),
  fields: ["userId"],
  run: async ({ actor, input }) => {
    const reset = await resetSecondFactors({ actor, userId: input.userId, ...(await actionOrigin()) });
    revalidatePath("/desk/people");
    return {
      status: "success",
      message: `${reset.name}'s second factors are removed and they are signed out everywhere. They sign in next with their password and set up a new factor.`,
      result: undefined,
    };
  },
});
