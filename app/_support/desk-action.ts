import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";

import type { Actor } from "@/lib/auth/actor";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { requireSessionActor } from "@/lib/auth/session-actor";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import { parseInput } from "@/lib/validation/parse-input";

type Refusal = Extract<FormState, { status: "error" }>;
type Success<Result> = { status: "success"; message: string; result: Result };

/** What a desk server action is, once the steps every action shares are taken out. */
type DeskActionDeclaration<Schema extends z.ZodType, Result, Extra> = {
  /** Names the action in the log when it fails in a way the form cannot explain. */
  name: string;
  /** Decided by lib/auth, after the session actor is read: who may do this. */
  permission: Permission;
  /** What the action takes; a refusal names the field that is wrong. */
  input: Schema;
  /** The work itself, with the actor allowed to do it and the parsed input. */
  run: (call: { actor: Actor; input: z.infer<Schema> }) => Promise<Success<Result>>;
  /** What a refusal carries beyond its sentence (the times a schedule form offers instead, say). */
  refusal?: (state: Refusal, error: unknown) => Refusal & Extra;
  /** Form actions: the form fields read into the input (all of them when not named). */
  fields?: readonly string[];
};

type Loose = DeskActionDeclaration<z.ZodType, unknown, object>;

/**
 * Every desk action, in this order: the signed-in actor (a session that ended is a refusal, not an error
 * page), the permission, the input, the work; anything thrown becomes the form's error state here, once.
 * `redirect()` and `forbidden()` pass through, as Next means them to.
 */
async function perform(action: Loose, raw: () => unknown): Promise<FormState<unknown>> {
  try {
    const actor = await requireSessionActor();
    assertCan({ actor, permission: action.permission });
    return await action.run({ actor, input: parseInput({ schema: action.input, input: raw() }) });
  } catch (error) {
    unstable_rethrow(error);
    const state = formErrorState(error, { action: action.name });
    return action.refusal ? action.refusal(state, error) : state;
  }
}

/** A desk action the editor's code calls with an object: `await saveRevisionAction({ slug, revision })`. */
export function deskAction<Schema extends z.ZodType, Result, Extra extends object = object>(
  action: Omit<DeskActionDeclaration<Schema, Result, Extra>, "fields">,
): (input: unknown) => Promise<FormState<Result> & Partial<Extra>>;
export function deskAction(action: Loose): (input: unknown) => Promise<FormState<unknown>> {
  return (input) => perform(action, () => input);
}

/**
 * A desk action a `<form>` posts through `useActionState`: the input is read from the form's fields, by name
 * (a missing one reads as null, as `FormData.get` has it) or all of them.
 */
export function deskFormAction<Schema extends z.ZodType, Result>(
  action: DeskActionDeclaration<Schema, Result, object>,
): (previous: FormState<Result>, formData: FormData) => Promise<FormState<Result>>;
export function deskFormAction(
  action: Loose,
): (previous: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>> {
  return (_previous, formData) =>
    perform(action, () =>
      action.fields
        ? Object.fromEntries(action.fields.map((field) => [field, formData.get(field)]))
        : Object.fromEntries(formData.entries()),
    );
}
