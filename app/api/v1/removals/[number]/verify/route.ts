import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { RemovalPathInput } from "@/lib/api/path-input";
import { VerifyRemovedTextInput } from "@/lib/legal-removals/legal-removal-input";
import { verifyRemovedText } from "@/lib/legal-removals/verify-removed-text";

export const dynamic = "force-dynamic";

/**
 * Whether a text is one an approved removal took out, by its salted SHA-256s. A POST, so the text travels in
 * the body and never in an address a log keeps.
 */
export const POST = apiRoute({
  name: "POST /api/v1/removals/[number]/verify",
  params: RemovalPathInput,
  body: VerifyRemovedTextInput,
  run: async ({ actor, params: { number }, body: { text } }) =>
    json(await verifyRemovedText({ actor, number, text })),
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
