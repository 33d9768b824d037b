// Server actions, screened before Next sees them: their size, and what one without a session may carry.
//
// An action declaring a body over the desk's limit (maxRequestBodyBytes, 12 MB: a long story) is refused from
// its declared length, before a byte of it is read (Next answers one with a 500).
//
// Next decodes an action's arguments (React's reply encoding) before any code of ours runs, so before any
// authorization: an action id (they are in the public JavaScript chunks) with an 11.8 MB body of nested
// brackets kept the whole instance busy for seconds, health checks included, and needed no account. Nothing
// the desk sends without a session is more than a few hundred bytes (signing in is next-auth's own route
// under /api/, not an action; signing out is an action with no arguments), so without a valid session cookie
// an action may carry at most `anonymousLimitBytes`, must say its length up front, and may nest brackets at
// most `maxNesting` deep, all checked while the body streams in. With a session, Next's own limit applies
// (next.config.js, the same 12 MB). Plain JavaScript, like serve.mjs: this runs before Next's compiled server,
// without a TypeScript loader.
import { decode } from "next-auth/jwt";

// eslint-disable-next-line no-restricted-imports -- plain Node, which resolves no "@/" alias
import { maxRequestBodyBytes } from "../../lib/server/shared-constants.mjs";

export const anonymousLimitBytes = 64 * 1024;
// React's encoding of the desk's largest form (a revision with images and credits) nests about six deep.
export const maxNesting = 64;

const sessionCookieNames = ["__Secure-next-auth.session-token", "next-auth.session-token"];

const sentences = {
  tooLarge: `This change is larger than ${maxRequestBodyBytes / 1024 / 1024} MB, more than a story can hold. Nothing was saved.`,
  411: "The desk could not read this request: it did not say how long it is. Sign in and try again; nothing was saved.",
  413: "This request is larger than anything the desk sends before you sign in. Sign in and try again; nothing was saved.",
  400: "The desk could not read this request: it is not something the desk sends. Reload the page and try again; nothing was saved.",
};

/** A request Next would treat as a server action: a fetch with Next-Action, or a form posted to a page. */
export function isActionRequest(request) {
  if (request.method !== "POST" || request.url?.startsWith("/api/")) return false;
  const type = String(request.headers["content-type"] ?? "").toLowerCase();
  return (
    Boolean(request.headers["next-action"]) ||
    type.startsWith("multipart/form-data") ||
    type.startsWith("application/x-www-form-urlencoded")
  );
}

function cookies(header) {
  const jar = new Map();
  for (const part of String(header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) jar.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return jar;
}

/**
 * next-auth's session cookie (whole, or in its numbered chunks), decrypted and unexpired: no database read.
 */
async function hasValidSession(request) {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return false;
  const jar = cookies(request.headers.cookie);
  for (const name of sessionCookieNames) {
    let token = jar.get(name);
    if (token === undefined && jar.has(`${name}.0`)) {
      token = "";
      for (let chunk = 0; jar.has(`${name}.${chunk}`); chunk++) token += jar.get(`${name}.${chunk}`);
    }
    if (!token) continue;
    const payload = await decode({ token, secret }).catch(() => null);
    if (payload && typeof payload.sub === "string") return true;
  }
  return false;
}

/** Depth of `[` and `{` outside JSON strings, fed chunk by chunk; remembers the deepest point. */
function nestingGauge() {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let escaped = false;
  return {
    feed(chunk) {
      for (const byte of chunk) {
        if (inString) {
          if (escaped) escaped = false;
          else if (byte === 0x5c) escaped = true;
          else if (byte === 0x22) inString = false;
        } else if (byte === 0x22) inString = true;
        else if (byte === 0x5b || byte === 0x7b) deepest = Math.max(deepest, ++depth);
        else if ((byte === 0x5d || byte === 0x7d) && depth > 0) depth--;
      }
    },
    deepest: () => deepest,
  };
}

// After a refusal, the rest of the body is read and dropped rather than the connection closed under it: a
// client still sending would get a reset instead of the answer. Reading bytes without decoding them costs
// next to nothing (bench: health stays under 100 ms with two clients posting 11.8 MB in a loop); a body that
// never ends is cut off after this long.
const drainLimitMs = 5_000;

function refuse(request, response, status, sentence = sentences[status]) {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  response.end(`${sentence}\n`);
  if (request.complete) return;
  request.resume();
  const cutOff = setTimeout(() => request.socket.destroy(), drainLimitMs);
  cutOff.unref();
  request.once("end", () => clearTimeout(cutOff));
  request.once("close", () => clearTimeout(cutOff));
}

/**
 * Resolves true when the request may go on to Next: it is within the desk's limit and has a session, or its
 * body passed. The body read to check it is put back on the request (`unshift`, before its end is signalled),
 * so Next reads it as sent. Otherwise the request is answered here (411, 413 or 400, with a sentence) and
 * resolves false.
 */
export async function screenAction(request, response) {
  const declared = request.headers["content-length"];
  if (Number(declared) > maxRequestBodyBytes)
    return (refuse(request, response, 413, sentences.tooLarge), false);
  if (await hasValidSession(request)) return true;
  if (declared === undefined) return (refuse(request, response, 411), false);
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) return (refuse(request, response, 400), false);
  if (length > anonymousLimitBytes) return (refuse(request, response, 413), false);
  if (length === 0) return true;
  return new Promise((resolve) => {
    const chunks = [];
    const gauge = nestingGauge();
    let received = 0;
    const settle = (passed) => {
      request.removeListener("readable", onReadable);
      request.removeListener("close", onClose);
      resolve(passed);
    };
    const onClose = () => settle(false);
    function onReadable() {
      let chunk;
      while (received < length && (chunk = request.read()) !== null) {
        chunks.push(chunk);
        received += chunk.length;
        gauge.feed(chunk);
      }
      if (received < length) return;
      if (gauge.deepest() > maxNesting) {
        refuse(request, response, 400);
        settle(false);
        return;
      }
      request.unshift(Buffer.concat(chunks));
      settle(true);
    }
    request.on("readable", onReadable);
    request.on("close", onClose);
  });
}
