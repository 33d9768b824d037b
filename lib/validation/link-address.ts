import { z } from "zod";

/*
 * The address of a link an editor puts in a story body. The public renderer keeps only http(s) and mailto
 * links (lib/render/story-body-schema.ts) and drops any other href without a word, so the editor refuses them
 * where they are typed instead. A bare domain ("example.com/path") is what people paste from an address bar
 * that hides the scheme; it means https.
 */

const allowedSchemes = new Set(["http:", "https:", "mailto:"]);
// "example.com", "www.example.co.uk/path?q" — a dot-separated host with a top-level name of letters.
const bareDomain = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;
const bareEmail = /^[^\s@/:]+@[^\s@/:]+\.[a-z]{2,}$/i;
const hasScheme = /^[a-z][a-z0-9+.-]*:/i;

const refusal =
  "Links can only go to web pages (http:// or https://) or email addresses (mailto:); this address would be dropped from the story.";

function withScheme(address: string): string {
  if (hasScheme.test(address) && !bareDomain.test(address)) return address;
  if (bareEmail.test(address)) return `mailto:${address}`;
  if (bareDomain.test(address)) return `https://${address}`;
  return address;
}

/** A link address as typed: trimmed, completed with https:// or mailto: when bare, then checked. */
export const linkAddressInput = z
  .string()
  .trim()
  .min(1, { error: "Type or paste the address the link goes to." })
  .max(2000, { error: "That address is too long for a link (2,000 characters at most)." })
  .transform(withScheme)
  .check((context) => {
    let url: URL | null = null;
    try {
      url = new URL(context.value);
    } catch {
      url = null;
    }
    if (!url || !hasScheme.test(context.value)) {
      context.issues.push({
        code: "custom",
        input: context.value,
        message: `${refusal} Give the whole address, starting with https://.`,
      });
      return;
    }
    if (!allowedSchemes.has(url.protocol)) {
      context.issues.push({ code: "custom", input: context.value, message: refusal });
      return;
    }
    if (url.protocol !== "mailto:" && !url.hostname) {
      context.issues.push({
        code: "custom",
        input: context.value,
        message: "That address names no website.",
      });
    }
  });

/** The address to store, or the sentence saying why it cannot be a link. */
export function readLinkAddress(typed: string): { href: string } | { problem: string } {
  const parsed = linkAddressInput.safeParse(typed);
  if (parsed.success) return { href: parsed.data };
  return { problem: parsed.error.issues[0]?.message ?? refusal };
}
