import { AppError } from "@/lib/errors/app-error";

import { mediaLimits } from "./media-limits";

export function uploadTooLarge(options: { limitBytes: number }): AppError {
  const megabytes = Math.round(options.limitBytes / (1024 * 1024));
  return new AppError({
    code: "too_large",
    message: `upload over ${options.limitBytes} bytes`,
    userMessage: `That file is larger than ${megabytes} MB, the most Copydesk accepts for one photo.`,
  });
}

/**
 * Collects an upload's bytes, counting as they arrive and stopping (cancelling the source) as soon as the
 * total passes the limit, so an oversized upload is never buffered whole.
 */
export async function readUpload(options: {
  stream: ReadableStream<Uint8Array>;
  limitBytes?: number;
}): Promise<Buffer> {
  const limitBytes = options.limitBytes ?? mediaLimits.maxUploadBytes;
  const reader = options.stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw uploadTooLarge({ limitBytes });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
