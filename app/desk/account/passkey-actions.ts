"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";

import { deskFormAction } from "@/app/_support/desk-action";
import { ceremonyRequest } from "@/lib/auth/passkeys/ceremony-request";
import { removeOwnPasskey, renameOwnPasskey } from "@/lib/auth/passkeys/own-passkeys";
import { RemovePasskeyInput, RenamePasskeyInput } from "@/lib/auth/passkeys/passkey-input";

export const renamePasskeyAction = deskFormAction({
  name: "renamePasskey",
  permission: "account:own",
  input: RenamePasskeyInput,
  fields: ["passkeyId", "name"],
  run: async ({ actor, input }) => {
    const { name } = await renameOwnPasskey({ actor, input });
    revalidatePath("/desk/account");
    return { status: "success", message: `The passkey is now called “${name}”.`, result: undefined };
  },
});

export const removePasskeyAction = deskFormAction({
  name: "removePasskey",
  permission: "account:own",
  input: RemovePasskeyInput,
  fields: ["passkeyId"],
  run: async ({ actor, input }) => {
    const { clientAddress, userAgent } = ceremonyRequest(await headers());
    const { name } = await removeOwnPasskey({ actor, input, clientAddress, userAgent });
    revalidatePath("/desk/account");
    return {
      status: "success",
      message: `“${name}” is removed. It can no longer sign in to this desk.`,
      result: undefined,
    };
  },
});
