import { z } from "zod";

// What a browser sends back from a WebAuthn ceremony (@simplewebauthn/browser's JSON shapes). Only the shape is
// checked here; SimpleWebAuthn verifies the contents. Lengths are generous bounds, not WebAuthn's rules.
const base64url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*$/, { error: "must be base64url text" });

const common = {
  id: base64url.min(1),
  rawId: base64url.min(1),
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

export const RegistrationResponseInput = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
});

export const AuthenticationResponseInput = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
});

export const PasskeyName = z
  .string({ error: "Give the passkey a name" })
  .trim()
  .min(1, { error: "Give the passkey a name" })
  .max(60, { error: "Keep the name to 60 characters" });

export const AddPasskeyInput = z.object({ name: PasskeyName, response: RegistrationResponseInput });

export const RenamePasskeyInput = z.object({
  passkeyId: z.uuid({ error: "Unknown passkey" }),
  name: PasskeyName,
});

export const RemovePasskeyInput = z.object({ passkeyId: z.uuid({ error: "Unknown passkey" }) });

export const PasskeyOptionsInput = z.object({
  /** Omitted: the second step when a password step is waiting for one, else a passkey sign-in. */
  purpose: z.enum(["second_factor", "passkey_sign_in"]).optional(),
});
