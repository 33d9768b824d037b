import "server-only";

/** What next-auth hands a credentials provider as the request's headers (a plain record). */
export type ProviderHeaders = Record<string, string | string[] | undefined>;

export function providerHeaders(request: { headers?: unknown }): ProviderHeaders {
  const headers = request.headers;
  if (!headers || typeof headers !== "object") return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  return headers as ProviderHeaders;
}

export function singleHeader(headers: ProviderHeaders, name: string): string {
  const value = headers[name];
  return typeof value === "string"
    ? value
    : Array.isArray(value) && typeof value[0] === "string"
      ? value[0]
      : "";
}
