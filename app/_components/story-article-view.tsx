"use client";

import type { Root } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { useMemo } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";

import type { PublicArticle } from "@/lib/render/public-article";
import { buildStoryArticle } from "@/lib/render/story-article";

/**
 * The public story article as React, for the desk preview: the same hast tree the public page serialises,
 * so the preview shows exactly the reader's markup. A server page passes `body` rendered off the event loop.
 * Link the reader stylesheet (/styles/story.css) beside it.
 */
export function StoryArticleView({ article, body }: { article: PublicArticle; body?: Root }) {
  const tree = useMemo(() => buildStoryArticle({ article, body }), [article, body]);
  // Table alignment stays the `align` attribute, as on the public page (no style attributes: the public CSP
  // forbids them).
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, tableCellAlignToStyle: false });
}
