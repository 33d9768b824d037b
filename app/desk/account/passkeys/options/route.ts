import { deskRoute, json } from "@/app/_support/api-route";
import { ceremonyRequest } from "@/lib/auth/passkeys/ceremony-request";
import { startPasskeyRegistration } from "@/lib/auth/passkeys/passkey-registration";

export const dynamic = "force-dynamic";

/** The Account page's "Add a passkey": the options for the browser's prompt, for the signed-in person. */
export const POST = deskRoute({
  name: "POST /desk/account/passkeys/options",
  permission: "account:own",
  run: async ({ request, actor }) => {
    const { requestOrigin, clientAddress } = ceremonyRequest(request.headers);
    return json(await startPasskeyRegistration({ actor, requestOrigin, clientAddress }));
  },
});
