/**
 * crypto.randomUUID exists only in secure contexts; a desk served over plain http on an intranet still gets a
 * key.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `desk-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** One key per distinct request: a retry of the same payload (double click, lost answer) reuses it. */
export function keyFor(memory: { current: { payload: string; key: string } }, payload: unknown): string {
  const text = JSON.stringify(payload);
  if (memory.current.payload !== text) memory.current = { payload: text, key: newIdempotencyKey() };
  return memory.current.key;
}
