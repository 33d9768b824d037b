import "server-only";

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

// A version prefix, so the scheme can change later without guessing how an old value was sealed.
const prefix = "v1";

/**
 * The key that seals authenticator-app secrets at rest (AES-256-GCM), derived from NEXTAUTH_SECRET with HKDF:
 * a copy of the database alone (a backup, a replica) does not reveal anyone's secret. Rotating NEXTAUTH_SECRET
 * therefore means people set up their authenticator apps again.
 */
function sealingKey(): Buffer {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret)
    throw new AppError({
      code: "unavailable",
      message: "NEXTAUTH_SECRET is not configured; authenticator-app secrets cannot be sealed",
      userMessage: "Authenticator apps are unavailable right now. Please ask your newsroom's admin.",
    });
  return Buffer.from(hkdfSync("sha256", secret, "copydesk", "totp-secret-at-rest", 32));
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    prefix,
    iv.toString("base64url"),
    body.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
  ].join(".");
}

export function openSecret(sealed: string): string {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== prefix || !iv || !body || !tag) throw new Error("sealed secret is not in the v1 form");
  const decipher = createDecipheriv("aes-256-gcm", sealingKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
