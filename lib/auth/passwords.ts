import "server-only";

import { hash, verify } from "@node-rs/argon2";

import { createHashingGate, hashingLimits } from "./hashing-gate";

// OWASP Password Storage Cheat Sheet, argon2id minimum: 19 MiB memory, 2 passes, 1 lane.
// The library's default algorithm is argon2id; the parameters are spelled out so a library
// default change can never weaken stored hashes silently (a test asserts the PHC prefix).
const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const passwordHashPrefix = "$argon2id$v=19$m=19456,t=2,p=1$";

// Every hash and verification in this process passes one gate; a full queue throws hashingBusyError().
const gate = createHashingGate(hashingLimits);

export async function hashPassword(options: { password: string }): Promise<string> {
  return gate.run(() => hash(options.password, argon2Options));
}

/** Constant-time comparison (inside argon2's verify). A malformed stored hash counts as a mismatch. */
export async function verifyPassword(options: { hash: string; password: string }): Promise<boolean> {
  return gate.run(async () => {
    try {
      return await verify(options.hash, options.password);
    } catch {
      return false;
    }
  });
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real verification, for sign-ins naming an unknown or deactivated account,
 * so response time does not reveal which emails exist.
 */
export async function verifyDummyPassword(options: { password: string }): Promise<false> {
  if (!dummyHash) {
    dummyHash = hashPassword({ password: "copydesk-timing-equaliser-not-a-password" });
    // A refusal by the hashing gate must not stick: the next attempt makes the hash afresh.
    dummyHash.catch(() => (dummyHash = undefined));
  }
  await verifyPassword({ hash: await dummyHash, password: options.password });
  return false;
}
