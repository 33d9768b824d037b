import "server-only";

import { getDb } from "@/lib/db/client";

import { renditionExtensions, renditionTypes, type RenditionFormat } from "./media-limits";
import { photoStore } from "./photo-store";

export type RenditionFile = { contentType: string; data: Buffer; sha256: string };

const formatOfExtension = new Map(
  Object.entries(renditionExtensions).map(([format, extension]) => [extension, format as RenditionFormat]),
);

/*
 * Renditions are immutable (named by their SHA-256): a copy kept in memory is served for as long as its
 * row exists (a legal removal deletes it). The budget bounds the memory; the oldest entries go first.
 * Originals are never served from here.
 */
const memoBudgetBytes = 64 * 1024 * 1024;
const memo = new Map<string, RenditionFile>();
let memoBytes = 0;

function remember(key: string, file: RenditionFile): void {
  if (file.data.byteLength > memoBudgetBytes / 8) return;
  memo.set(key, file);
  memoBytes += file.data.byteLength;
  for (const [oldest, entry] of memo) {
    if (memoBytes <= memoBudgetBytes) break;
    memo.delete(oldest);
    memoBytes -= entry.data.byteLength;
  }
}

function forget(key: string): void {
  const entry = memo.get(key);
  if (!entry) return;
  memo.delete(key);
  memoBytes -= entry.data.byteLength;
}

/**
 * The rendition a public /media/<sha256>.<ext> address names, or null. Only bytes recorded as a rendition in
 * that format are served, so an original (which keeps its GPS and serial numbers) is never reachable here
 * even by someone who knows its hash.
 */
export async function readRendition(options: { file: string }): Promise<RenditionFile | null> {
  const match = /^([0-9a-f]{64})\.([a-z]+)$/.exec(options.file);
  const format = match ? formatOfExtension.get(match[2]!) : undefined;
  if (!match || !format) return null;
  const sha256 = match[1]!;
  // Asked before the memo: a legal removal deletes the rendition's row, and then no instance may serve the
  // bytes it still holds.
  const known = await getDb().photoRendition.findFirst({ where: { sha256, format }, select: { id: true } });
  if (!known) {
    forget(options.file);
    return null;
  }
  const remembered = memo.get(options.file);
  if (remembered) return remembered;
  const blob = await photoStore().get({ sha256 });
  if (!blob) return null;
  const file = { contentType: renditionTypes[format], data: blob.data, sha256 };
  remember(options.file, file);
  return file;
}
