import { expect, type Page } from "@playwright/test";

/** The comments panel beside a comparison or a revision. */
export function commentsPanel(page: Page) {
  return page.getByRole("complementary", { name: "Comments" });
}

/**
 * Selects `words` in text carrying offsets (the compare view, or a revision's text), as a reviewer dragging
 * across them would: in the newer text, or in removed text (`removed`).
 */
export async function selectWords(page: Page, words: string, removed = false): Promise<void> {
  // The button shows once the page listens for selections.
  await expect(commentsPanel(page).getByRole("button", { name: "Comment on selection" })).toBeVisible();
  const runs = removed ? "[data-rf][data-ro]:not([data-rn])" : "[data-rf][data-rn]";
  await page.evaluate(`(() => {
    const words = ${JSON.stringify(words)};
    const span = [...document.querySelectorAll(${JSON.stringify(runs)})].find((el) => el.textContent.includes(words));
    if (!span) throw new Error("words not shown: " + words);
    const node = span.firstChild;
    const at = node.textContent.indexOf(words);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  })()`);
}
