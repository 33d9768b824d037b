import { mkdir } from "node:fs/promises";
import type { Page } from "@playwright/test";

const screenshots = "artifacts/screenshots";

/** Full-page screenshots at desktop and phone widths, to look at; the page is left at desktop width. */
export async function shootAtBothWidths(page: Page, name: string): Promise<void> {
  await mkdir(screenshots, { recursive: true });
  for (const [label, size] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${screenshots}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
