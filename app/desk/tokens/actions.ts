"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { ApiTokenNameInput, createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import { parseInput } from "@/lib/validation/parse-input";

const CreateTokenInput = z.object({ name: ApiTokenNameInput });
const RevokeTokenInput = z.object({ tokenId: z.uuid({ error: "Unknown token" }) });

export type CreatedToken = { id: string; name: string; token: string };

/** The plaintext token goes back to the browser exactly once, in this response; only its hash is kept. */
export async function createTokenAction(
  _previous: FormState<CreatedToken>,
  formData: FormData,
): Promise<FormState<CreatedToken>> {
  try {
    const actor = await requireActionActor({ permission: "tokens:own" });
    const input = parseInput({ schema: CreateTokenInput, input: { name: formData.get("name") } });
    const created = await createApiToken({ userId: actor.userId, name: input.name, actor });
    revalidatePath("/desk/tokens");
    return {
      status: "success",
      message: `Token “${input.name}” created. Copy it now: it will not be shown again.`,
      result: { id: created.id, name: input.name, token: created.token },
    };
  } catch (error) {
    return formErrorState(error, { action: "createToken" });
  }
}

export async function revokeTokenAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor({ permission: "tokens:own" });
    const input = parseInput({ schema: RevokeTokenInput, input: { tokenId: formData.get("tokenId") } });
    const revoked = await revokeApiToken({ id: input.tokenId, actor });
    revalidatePath("/desk/tokens");
    return {
      status: "success",
      message: `Token “${revoked.name}” revoked. Requests using it are refused from now on.`,
      result: undefined,
    };
  } catch (error) {
    return formErrorState(error, { action: "revokeToken" });
  }
}
