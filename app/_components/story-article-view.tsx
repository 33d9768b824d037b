"use client";

import type { Root } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { memo, useMemo } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";

import type { PublicArticle } from "@/lib/render/public-article";
import { buildStoryArticle } from "@/lib/render/story-article";

/**
 * The public story article as React, for the desk preview: the same hast tree the public page serialises,
 * so the preview shows exactly the reader's markup. A server page passes `body` rendered off the event loop.
 * Link the reader stylesheet (/styles/story.css) beside it.
 */
export const StoryArticleView = memo(function StoryArticleView({
  article,
  body,
}: {
  article: PublicArticle;
  body?: Root;
}) {
  // The elements are kept with the tree: a long story's preview is thousands of them, and building them again
  // whenever the edit screen re-renders (every keystroke) cost more than the keystroke itself.
  return useMemo(
    () =>
      // Table alignment stays the `align` attribute, as on the public page (no style attributes: the public
      // CSP forbids them).
      toJsxRuntime(buildStoryArticle({ article, body }), {
        Fragment,
        jsx,
        jsxs,
        tableCellAlignToStyle: false,
      }),
    [article, body],
  );
});
