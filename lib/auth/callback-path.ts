/** Where a signed-in person goes when no (usable) return address was given. */
const defaultCallbackPath = "/desk";

// A stand-in origin to resolve paths against; a value that resolves anywhere else is off-site by definition.
const probeOrigin = "https://copydesk.invalid";

/**
 * The same-site path (with query and hash) a return address leads to, or /desk. Decided the way a browser
 * reads the value — tabs and newlines dropped, backslashes as slashes, dot segments resolved — so what is
 * checked is what the browser would follow. `siteOrigin` additionally accepts absolute URLs on the site
 * itself (next-auth hands those to its redirect callback).
 */
export function safeCallbackPath(options: { value: string | null | undefined; siteOrigin?: string }): string {
  const value = options.value;
  if (!value) return defaultCallbackPath;
  const base = options.siteOrigin ?? probeOrigin;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return defaultCallbackPath;
  }
  if (url.origin !== new URL(base).origin) return defaultCallbackPath;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as another host.
  if (url.pathname.startsWith("//") || url.username || url.password) return defaultCallbackPath;
  return `${url.pathname}${url.search}${url.hash}`;
}
