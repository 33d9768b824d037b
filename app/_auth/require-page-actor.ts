import "server-only";

import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";

import type { Actor } from "@/lib/auth/actor";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { can, type Permission } from "@/lib/auth/permissions";
import { getSessionActor } from "@/lib/auth/session-actor";

/** Request header carrying the path and query the browser asked for (set by proxy.ts for app pages). */
export const requestedPathHeader = "x-copydesk-path";

/** Where a person goes to set up the second factor their newsroom requires. */
export const secondFactorSetupPath = "/desk/account#second-factor";

/**
 * For pages: the signed-in actor holding `permission`. Signed out (or deactivated) → the sign-in page,
 * coming back here afterwards; signed in without the permission → a 403 page.
 */
export async function requirePageActor(options: {
  permission: Permission;
  callbackPath: string;
  /** The desk shell renders for an enrollment-only session too (with only the Account page in reach). */
  allowSecondFactorSetup?: boolean;
}): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) {
    // A layout cannot know which page below it was asked for; the proxy, when it passes the requested path
    // along, lets a deep link survive signing in. It only steers the visitor's own redirect, within this
    // site.
    const requested = (await headers()).get(requestedPathHeader);
    redirect(
      `/signin?callbackUrl=${encodeURIComponent(safeCallbackPath({ value: requested ?? options.callbackPath }))}`,
    );
  }
  if (actor.secondFactorSetupRequired) {
    if (options.allowSecondFactorSetup) return actor;
    // An enrollment-only session (lib/auth/second-factor/enrollment-only.ts): everything leads to the set-up.
    if (!can({ actor, permission: options.permission })) redirect(secondFactorSetupPath);
  }
  if (!can({ actor, permission: options.permission })) forbidden();
  return actor;
}
