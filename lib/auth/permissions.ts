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
  | "photo:upload"
  | "review:submit"
  | "review:comment"
  | "review:decide"
  | "review:rules"
  | "inbox:own"
  // Legal removals (issue 24): asking, approving, declining, withdrawing and reading the record. Admins only.
  | "legal:remove"
  // The newsroom audit log (issue 25): who did what, when. Admins only.
  | "audit:read";

// Each role holds what the one below it holds, and more: a contributor drafts, an editor also publishes and
// schedules, an admin also manages people.
const contributor: Permission[] = [
  "desk:read",
  "story:create",
  "revision:save",
  "tokens:own",
  "account:own",
  "photo:upload",
  // Contributors ask for review, reply on threads about their work and read their inbox.
  "review:submit",
  "review:comment",
  "inbox:own",
];
const editor: Permission[] = [
  ...contributor,
  "revision:publish",
  "story:unpublish",
  "revision:restore",
  "schedule:manage",
  "embargo:manage",
  "review:decide",
];
const admin: Permission[] = [...editor, "users:manage", "review:rules", "legal:remove", "audit:read"];

const grants: Record<Actor["role"], ReadonlySet<Permission>> = {
  admin: new Set(admin),
  editor: new Set(editor),
  contributor: new Set(contributor),
};

// What an enrollment-only session may do: its own account page, where the second factor is set up.
const enrollmentOnly: ReadonlySet<Permission> = new Set(["account:own"]);

export function can(options: { actor: Actor; permission: Permission }): boolean {
  if (options.actor.secondFactorSetupRequired && !enrollmentOnly.has(options.permission)) return false;
  return grants[options.actor.role].has(options.permission);
}

export function assertCan(options: { actor: Actor; permission: Permission }): void {
  if (
    !can(options) &&
    options.actor.secondFactorSetupRequired &&
    grants[options.actor.role].has(options.permission)
  )
    throw new AppError({
      code: "forbidden",
      message: `${options.actor.email} must set up a second factor before ${options.permission}`,
      userMessage: "Your newsroom requires a second factor. Set one up on your Account page first.",
    });
  if (!can(options)) {
    throw new AppError({
      code: "forbidden",
      message: `${options.actor.email} (${options.actor.role}) lacks ${options.permission}`,
      userMessage: "Your role does not allow this.",
    });
  }
}
