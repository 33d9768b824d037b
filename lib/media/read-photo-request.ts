import { AppError } from "@/lib/errors/app-error";

import { mediaLimits } from "./media-limits";
import { readUpload, uploadTooLarge } from "./read-upload";

/** Room for multipart boundaries and part headers around the file itself. */
const multipartOverheadBytes = 64 * 1024;

/**
 * A stream that errors (and stops pulling from the network) once more than `limitBytes` have passed through.
 */
function limited(options: {
  stream: ReadableStream<Uint8Array>;
  limitBytes: number;
}): ReadableStream<Uint8Array> {
  let total = 0;
  return options.stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > options.limitBytes)
          controller.error(uploadTooLarge({ limitBytes: mediaLimits.maxUploadBytes }));
        else controller.enqueue(chunk);
      },
    }),
  );
}

function declaredTooLarge(request: Request, limitBytes: number): boolean {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  return Number.isFinite(declared) && declared > limitBytes;
}

const noFile = () =>
  new AppError({
    code: "bad_request",
    message: "photo upload without a file part",
    userMessage: "Send the photo as multipart/form-data with the file in a part named `file`.",
  });

/**
 * The photo file of an upload request, read with the size limit enforced as the bytes arrive: a declared
 * Content-Length over it is refused before reading, and a body that grows past it is cut off mid-stream.
 * Takes multipart/form-data (a `file` part; the API) or the raw file as application/octet-stream (the desk).
 */
export async function readPhotoRequest(options: { request: Request }): Promise<Buffer> {
  const { request } = options;
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!request.body) throw noFile();
  if (type === "application/octet-stream") {
    if (declaredTooLarge(request, mediaLimits.maxUploadBytes))
      throw uploadTooLarge({ limitBytes: mediaLimits.maxUploadBytes });
    return readUpload({ stream: request.body });
  }
  if (type !== "multipart/form-data") throw noFile();
  const limitBytes = mediaLimits.maxUploadBytes + multipartOverheadBytes;
  if (declaredTooLarge(request, limitBytes)) throw uploadTooLarge({ limitBytes: mediaLimits.maxUploadBytes });
  let form: FormData;
  try {
    form = await new Response(limited({ stream: request.body, limitBytes }), {
      headers: { "content-type": request.headers.get("content-type")! },
    }).formData();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError({
      code: "bad_request",
      message: "unparsable multipart body",
      userMessage: "The upload could not be read as multipart/form-data.",
      cause: error,
    });
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw noFile();
  if (file.size > mediaLimits.maxUploadBytes)
    throw uploadTooLarge({ limitBytes: mediaLimits.maxUploadBytes });
  return Buffer.from(await file.arrayBuffer());
}
