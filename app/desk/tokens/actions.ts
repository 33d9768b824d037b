"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actionOrigin } from "@/app/_support/action-origin";
import { deskFormAction } from "@/app/_support/desk-action";
import { ApiTokenNameInput, createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";

const CreateTokenInput = z.object({ name: ApiTokenNameInput });
const RevokeTokenInput = z.object({ tokenId: z.uuid({ error: "Unknown token" }) });

export type CreatedToken = { id: string; name: string; token: string };

/** The plaintext token goes back to the browser exactly once, in this response; only its hash is kept. */
export const createTokenAction = deskFormAction({
  name: "createToken",
  permission: "tokens:own",
  input: CreateTokenInput,
  fields: ["name"],
  run: async ({ actor, input }) => {
    const created = await createApiToken({
      userId: actor.userId,
      name: input.name,
      actor,
      clientAddress: (await actionOrigin()).clientAddress,
    });
    revalidatePath("/desk/tokens");
    return {
      status: "success",
      message: `Token “${input.name}” created. Copy it now: it will not be shown again.`,
      result: { id: created.id, name: input.name, token: created.token } satisfies CreatedToken,
    };
  },
});

export const revokeTokenAction = deskFormAction({
  name: "revokeToken",
  permission: "tokens:own",
  input: RevokeTokenInput,
  fields: ["tokenId"],
  run: async ({ actor, input }) => {
    const revoked = await revokeApiToken({
      id: input.tokenId,
      actor,
      clientAddress: (await actionOrigin()).clientAddress,
    });
    revalidatePath("/desk/tokens");
    return {
      status: "success",
      message: `Token “${revoked.name}” revoked. Requests using it are refused from now on.`,
      result: undefined,
    };
  },
});
