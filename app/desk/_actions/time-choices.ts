import { isAppError } from "@/lib/errors/app-error";
import type { FormState } from "@/lib/errors/form-state";

/**
 * A refused time may come with choices (the spring-forward gap, the fall-back hour): the form offers them.
 */
export type TimeChoice = { fold?: "earlier" | "later"; instant: string; label: string };

type Refusal = Extract<FormState, { status: "error" }>;

/** A schedule form's refusal, with the times it can offer instead when the one typed was ambiguous. */
export function withTimeChoices(state: Refusal, error: unknown): Refusal & { choices?: TimeChoice[] } {
  const choices = isAppError(error)
    ? (error.details as { choices?: TimeChoice[] } | null)?.choices
    : undefined;
  return choices ? { ...state, choices } : state;
}
