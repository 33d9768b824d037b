import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary, translations } from "@zxcvbn-ts/language-en";

import { isCommonPassword } from "./common-passwords";

/**
 * How guessable a new password may be, by zxcvbn-ts's full estimator (common passwords, English words and
 * names, keyboard walks, repeats, sequences, dates, l33t spellings, the person's own name and email).
 *
 * - minimumScore 3 (the estimator's "safely unguessable": at least 10^8 guesses). Online guessing is already
 *   throttled (sign-in-limits.ts), so the score matters most if the argon2id hashes are ever stolen: at the
 *   estimator's assumed 10^4 slow-hash guesses a second, score 2 falls in under three hours, score 3 takes
 *   hours to years. Score 4 (10^10) refused memorable name-plus-date passwords that are fine for a newsroom
 *   account behind sign-in limits and a second factor; 3 is the threshold zxcvbn's authors suggest.
 * - scoredCharacters 64: the estimator's work grows steeply with length (crafted 256-character inputs cost
 *   a third of a second of CPU, measured for issue 23); the first 64 characters are scored, a few tens of
 *   milliseconds at worst. A password whose first 64 characters are strong is strong.
 * - l33tMaxSubstitutions 4: the l33t matcher tries every combination of substitutions, and a string of
 *   digits or symbols made it take hundreds of milliseconds; four still catches "p@ssw0rd".
 */
export const passwordStrengthPolicy = {
  minimumScore: 3,
  scoredCharacters: 64,
  l33tMaxSubstitutions: 4,
} as const;

let estimator: ZxcvbnFactory | undefined;

/** Built on first use (ranking the dictionaries takes a moment), then kept for the process. */
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...englishDictionary },
    maxLength: passwordStrengthPolicy.scoredCharacters,
    l33tMaxSubstitutions: passwordStrengthPolicy.l33tMaxSubstitutions,
  });
  return estimator;
}

/** The words of a person's email and name, which a password should not be built from. */
export function personalWords(options: { email?: string; name?: string }): string[] {
  const words = new Set<string>();
  for (const value of [options.email, options.name]) {
    if (!value) continue;
    const folded = value.trim().toLowerCase();
    const local = folded.split("@")[0] ?? folded;
    // "Jane Doe" and jane.doe@… also as "janedoe", the way people run them together.
    for (const whole of [folded, local, local.replace(/[^\p{L}\p{N}]+/gu, "")]) words.add(whole);
    for (const part of folded.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  words.add("copydesk");
  return [...words];
}

export function estimatePassword(options: { password: string; userInputs?: string[] }): ZxcvbnResult {
  return getEstimator().check(options.password, options.userInputs ?? []);
}

/**
 * Null when the password is hard enough to guess; otherwise the estimator's own warning and suggestions as
 * sentences (e.g. "Straight rows of keys on your keyboard are easy to guess.").
 */
export function passwordHints(options: { password: string; userInputs?: string[] }): string[] | null {
  const result = estimatePassword(options);
  if (result.score >= passwordStrengthPolicy.minimumScore) return null;
  const hints = [result.feedback.warning, ...result.feedback.suggestions]
    .filter((hint): hint is string => Boolean(hint))
    .map((hint) => (/[.!?]$/.test(hint) ? hint : `${hint}.`));
  return hints.length > 0 ? hints : ["Add more words that are less common."];
}

/** The sentence shown beside a password field, or null when the password is strong enough. */
export function passwordWeakness(options: { password: string; userInputs?: string[] }): string | null {
  const hints = passwordHints(options);
  return hints ? `This password is too easy to guess. ${hints.join(" ")}` : null;
}

function isWorthEstimating(password: string): boolean {
  // Shorter, blank or common passwords are already refused by PasswordInput, with their own sentence.
  return (
    password.length >= 12 && password.length <= 256 && password.trim() !== "" && !isCommonPassword(password)
  );
}

/**
 * Why this password is too easy to guess for this person (their email and name count as known words), or null.
 * Tens of milliseconds of CPU on crafted input: services run it in the worker pool (worker-tasks.ts).
 */
export function passwordStrengthIssue(options: {
  password: string;
  email?: string;
  name?: string;
}): string | null {
  if (!isWorthEstimating(options.password)) return null;
  return passwordWeakness({ password: options.password, userInputs: personalWords(options) });
}
