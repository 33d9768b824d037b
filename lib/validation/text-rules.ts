import { z } from "zod";

/*
 * The one set of rules for text people type: headlines, bodies, names, notes, searches.
 *
 * - No character PostgreSQL or an XML feed cannot carry: NUL and the other C0 control characters (tab, line
 *   feed and carriage return excepted), U+FFFE/U+FFFF, and halves of a broken surrogate pair. Such input
 *   would otherwise fail deep in the database as a 500, or break the Atom feeds readers subscribe to.
 * - Required text must contain something a reader can see: a zero-width space alone is empty.
 * - Names are compared and stored in Unicode NFC, so "José" typed with a combining accent and with the
 *   precomposed letter is one contributor.
 *
 * Lengths are counted as JavaScript counts them (UTF-16 code units: most characters one, an emoji two).
 */

const unsafeCharacter =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// A letter, digit, punctuation mark or symbol (emoji included): not spaces, marks alone, or format
// characters.
const visibleCharacter = /[\p{L}\p{N}\p{P}\p{S}]/u;

function codePointLabel(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Why `value` cannot be stored, in words for the person who typed it, or null when it can. */
export function unsafeTextProblem(value: string): string | null {
  const found = unsafeCharacter.exec(value);
  if (!found) return null;
  const where = `at character ${(found.index + 1).toLocaleString("en-US")}`;
  if (/[\uD800-\uDFFF]/.test(found[0]))
    return `contains a broken character ${where}; retype or re-paste that part`;
  return `contains an invisible control character (${codePointLabel(found[0])}) ${where}; delete it and try again`;
}

/** True when `value` has at least one character a reader can see. */
export function hasVisibleText(value: string): boolean {
  return visibleCharacter.test(value);
}

type Length = { max: number; tooLong?: string };

function safeText(options: Length) {
  const { max } = options;
  return z
    .string()
    .max(max, { error: options.tooLong ?? `must be at most ${max.toLocaleString("en-US")} characters` })
    .check((context) => {
      const problem = unsafeTextProblem(context.value);
      if (problem) context.issues.push({ code: "custom", message: problem, input: context.value });
    });
}

/**
 * Free text that may be empty: at most `max` characters, nothing unstorable; trimmed unless `trim` is false.
 */
export function textInput(options: Length & { trim?: boolean }) {
  const schema = safeText(options);
  return options.trim === false ? schema : schema.trim();
}

/**
 * Text that must be given: trimmed, and empty when it holds nothing visible (`required` says what is
 * missing).
 */
export function requiredTextInput(options: Length & { required: string }) {
  return safeText(options).trim().refine(hasVisibleText, { error: options.required });
}

/** A person's name (credits, accounts): required text, stored in NFC. */
export function nameInput(options: Length & { required: string }) {
  return safeText(options).trim().normalize("NFC").refine(hasVisibleText, { error: options.required });
}
