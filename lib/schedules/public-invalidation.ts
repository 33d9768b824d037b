/**
 * How a background job tells the public side that a story changed. Public caching lives in app/ (Next's data
 * cache and the response memo, owned by the delivery room), which lib/ must not import, and Next's
 * revalidateTag works only inside a request; so the server process registers its invalidation here at start
 * (instrumentation.ts) and scheduled publishes and embargo lifts call it after they commit.
 */
type Invalidate = (options: { slug: string }) => void | Promise<void>;

declare global {
  var copydeskJobInvalidation: Invalidate | undefined;
}

export function registerJobInvalidation(options: { invalidate: Invalidate }): void {
  globalThis.copydeskJobInvalidation = options.invalidate;
}

export async function invalidateAfterJob(options: { slug: string }): Promise<void> {
  await globalThis.copydeskJobInvalidation?.({ slug: options.slug });
}
