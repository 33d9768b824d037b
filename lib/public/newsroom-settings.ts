import "server-only";

import { getEnv } from "@/lib/env";
import type { NewsroomPresentation } from "@/lib/render/public-article";

export type NewsroomSettings = NewsroomPresentation & {
  /** Origin for canonical and feed URLs, without a trailing slash; null when PUBLIC_BASE_URL is not set. */
  baseUrl: string | null;
};

/** How the public side prints times, names and absolute URLs, from validated configuration. */
export function newsroomSettings(): NewsroomSettings {
  const env = getEnv();
  return {
    name: env.NEWSROOM_NAME,
    timeZone: env.NEWSROOM_TIME_ZONE,
    timeStyle: env.NEWSROOM_TIME_STYLE,
    baseUrl: env.PUBLIC_BASE_URL ? env.PUBLIC_BASE_URL.replace(/\/+$/, "") : null,
  };
}
