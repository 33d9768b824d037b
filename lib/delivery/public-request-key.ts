/**
 * One memo key per page a reader can get, whatever the spelling of the request: the canonical origin (never
 * the Host header), the path, and only the query parameters that page reads, each in one canonical form.
 * `from=01`, `from=1e0` and `from= 1` are all version 1; `from=abc` is invalid, answered 400 and never kept.
 * Unknown parameters (utm_source, cache busters) do not change the page, so they do not change the key.
 */
export type PublicQuery = Record<string, string>;
export type PublicRequestKey =
  { ok: true; key: string; query: PublicQuery } | { ok: false; parameter: string };

const versionNumber = /^[0-9]+(\.0*)?(e\+?[0-9]+)?$/i;
const maxVersion = 2_147_483_647;

function canonicalVersion(text: string): string | null {
  const trimmed = text.trim();
  if (!versionNumber.test(trimmed)) return null;
  const number = Number(trimmed);
  return Number.isSafeInteger(number) && number >= 1 && number <= maxVersion ? String(number) : null;
}

function canonicalInstant(text: string): string | null {
  const trimmed = text.trim();
  // An ISO 8601 instant with a date, a time and an offset; the same instant in any offset is one page.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(trimmed)) return null;
  const instant = new Date(trimmed);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

const pageParameters: { path: RegExp; parameters: Record<string, (text: string) => string | null> }[] = [
  { path: /^\/stories\/[^/]+\/history$/, parameters: { from: canonicalVersion, to: canonicalVersion } },
  { path: /^\/corrections$/, parameters: { before: canonicalInstant } },
];

// A path of letters, digits, "-", "_", "~", "." and "/", with no "//" at its start and no "/." anywhere (so no
// dot segment), and no query: URL parsing would hand it back unchanged, and no page reads a parameter from it.
const plainPath = /^\/(?!\/)[\w\-~/.]*$/;

export function publicRequestKey(options: { origin: string; url: string }): PublicRequestKey {
  // Nearly every reader's request is such a path; the memo's fast path asks for its key on every request.
  if (plainPath.test(options.url) && !options.url.includes("/."))
    return { ok: true, key: options.origin + options.url, query: {} };
  const url = new URL(options.url, "http://copydesk.invalid");
  const rule = pageParameters.find((candidate) => candidate.path.test(url.pathname));
  const query: PublicQuery = {};
  for (const [name, canonical] of Object.entries(rule?.parameters ?? {})) {
    const values = url.searchParams.getAll(name);
    if (values.length === 0) continue;
    const value = values.length === 1 ? canonical(values[0]!) : null;
    if (value === null) return { ok: false, parameter: name };
    query[name] = value;
  }
  const search = new URLSearchParams(query).toString();
  return { ok: true, key: `${options.origin}${url.pathname}${search ? `?${search}` : ""}`, query };
}
