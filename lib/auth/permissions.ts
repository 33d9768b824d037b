import { AppError } from "@/lib/errors/app-error";

import type { Actor } from "./actor";

/** Every decision about who may do what is made here. */
export type Permission =
  | "desk:read"
  | "story:create"
  | "revision:save"
  | "revision:publish"
  | "story:unpublish"
  | "revision:restore"
  | "schedule:manage"
  | "embargo:manage"
  | "users:manage"
  | "tokens:own"
  | "account:own"
  | "photo:upload";

const grants: Record<Actor["role"], ReadonlySet<Permission>> = {
  admin: new Set<Permission>([
    "desk:read",
    "story:create",
    "revision:save",
    "revision:publish",
    "story:unpublish",
    "revision:restore",
    "schedule:manage",
    "embargo:manage",
    "users:manage",
    "tokens:own",
    "account:own",
    "photo:upload",
  ]),
  editor: new Set<Permission>([
    "desk:read",
    "story:create",
    "revision:save",
    "revision:publish",
    "story:unpublish",
    "revision:restore",
    "schedule:manage",
    "embargo:manage",
    "tokens:own",
    "account:own",
    "photo:upload",
  ]),
  contributor: new Set<Permission>([
    "desk:read",
    "story:create",
    "revision:save",
    "tokens:own",
    "account:own",
    "photo:upload",
  ]),
};

export function can(options: { actor: Actor; permission: Permission }): boolean {
  return grants[options.actor.role].has(options.permission);
}

export function assertCan(options: { actor: Actor; permission: Permission }): void {
  if (!can(options)) {
    throw new AppError({
      code: "forbidden",
      message: `${options.actor.email} (${options.actor.role}) lacks ${options.permission}`,
      userMessage: "Your role does not allow this.",
    });
  }
}
