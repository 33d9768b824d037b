import { AppError } from "@/lib/errors/app-error";
import { maxRequestBodyBytes } from "@/lib/server/shared-constants.mjs";

function tooLarge(limit: number): AppError {
  return new AppError({
    code: "too_large",
    message: `request body over ${limit} bytes`,
    userMessage: `The request body is larger than ${Math.floor(limit / (1024 * 1024))} MB. Split the story or trim it.`,
    details: { limitBytes: limit },
  });
}

/**
 * Reads a JSON request body with a hard size limit (maxRequestBodyBytes unless told), refused before it is
 * parsed. Content-Length is checked first, then the bytes actually
 * read, because the header may be absent (chunked) or lie. Returns `{}` for an empty body.
 */
export async function readJsonBody(options: { request: Request; limitBytes?: number }): Promise<unknown> {
  const { request } = options;
  const limit = options.limitBytes ?? maxRequestBodyBytes;
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError({
      code: "bad_request",
      message: "request body is not valid JSON",
      userMessage: "The request body is not valid JSON.",
      cause: error,
    });
  }
}
