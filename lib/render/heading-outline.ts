import type { Element, ElementContent } from "hast";

const headingLevel = /^h([1-6])$/;

/**
 * Headings as an outline a screen reader can walk: after the page's own heading (`pageLevel`, the h1) each
 * heading is at most one level below the one before it (axe "heading-order"). A body whose first heading is
 * "## Subhead" renders it as an h2, not an h3 straight after the h1; a "####" under a "##" becomes an h3. A
 * higher level is kept (a "#" after a "###" goes back up). Copies what it changes: rendered body blocks are
 * shared between trees and must never be mutated.
 */
export function outlineHeadings(options: { nodes: ElementContent[]; pageLevel: number }): ElementContent[] {
  let previous = options.pageLevel;
  const fit = (nodes: ElementContent[]): ElementContent[] => {
    let changed = false;
    const fitted = nodes.map((node) => {
      if (node.type !== "element") return node;
      let next: Element = node;
      const level = Number(headingLevel.exec(node.tagName)?.[1] ?? 0);
      if (level > 0) {
        const outlined = Math.min(level, previous + 1);
        previous = outlined;
        if (outlined !== level) next = { ...next, tagName: `h${outlined}` };
      }
      const children = fit(next.children);
      if (children !== next.children) next = { ...next, children };
      if (next !== node) changed = true;
      return next;
    });
    return changed ? fitted : nodes;
  };
  return fit(options.nodes);
}
