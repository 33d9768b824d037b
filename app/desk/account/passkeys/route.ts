import { deskRoute, json } from "@/app/_support/api-route";
import { ceremonyRequest } from "@/lib/auth/passkeys/ceremony-request";
import { AddPasskeyInput } from "@/lib/auth/passkeys/passkey-input";
import { finishPasskeyRegistration } from "@/lib/auth/passkeys/passkey-registration";

export const dynamic = "force-dynamic";

/** The browser's answer to the "Add a passkey" prompt, with the name the person chose. */
export const POST = deskRoute({
  name: "POST /desk/account/passkeys",
  permission: "account:own",
  body: { schema: AddPasskeyInput, called: "new passkey" },
  run: async ({ request, actor, body }) => {
    const { clientAddress, userAgent } = ceremonyRequest(request.headers);
    const passkey = await finishPasskeyRegistration({ actor, input: body, clientAddress, userAgent });
    return json(passkey, 201);
  },
});
