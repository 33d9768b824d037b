import { type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { printRows, type Row, type Typed } from "./support/editor-bench-table";
import { ensureCurrentBuild } from "./support/ensure-build";
import { storyBody } from "./support/long-story";
import { median, startCopydeskServer, waitUntilAnswering } from "./support/measure";
import {
  cpuUntilMark,
  interactionLatencies,
  observeInteractions,
  printProfile,
  workPerKeystroke,
  type CpuProfile,
} from "./support/page-trace";

/*
 * The body editor (issue 21, "Long stories"), in the system Chromium against today's Markdown textarea in the
 * same run (the editor's Markdown view is that textarea). For stories of 1,000, 10,000 and 100,000 words:
 *
 * - editable: from navigation start until the body accepts typing (the form is live and the body is there),
 *   read from the page's own clock, and the page's main-thread CPU time until then (a traced load: the
 *   figure to judge by on a busy machine); a keystroke is then typed to prove it;
 * - per keystroke, typing in the middle of the story: the main thread's work (from Chromium's trace: input
 *   handling, editor, React, style, layout, paint) as wall time and as the thread's CPU time; the browser's
 *   own input-to-next-paint (Event Timing, what Interaction to Next Paint is made of); and the time from
 *   keydown until the frame after it (a requestAnimationFrame callback and then a message, the usual way to
 *   see past the paint), which adds the wait for the display's next frame. On a busy machine (other builds
 *   sharing the cores) wall figures grow; CPU time and input-to-next-paint are the ones to judge by there.
 *
 * Targets (the issue's): typing p95 under 16 ms at 10,000 words and under 50 ms at 100,000 (judged on the
 * work: a keystroke that lands just after a frame began waits up to 16.7 ms for the next one whatever the
 * editor does, so the time to the next frame can't be under 16 ms at p95 even for an empty field, and
 * input-to-next-paint, which includes that wait, seldom is); editable within 1 s at 10,000 words.
 * BENCH_EDITOR_DEBUG=1 prints navigation timings, BENCH_EDITOR_PROFILE=1 a CPU profile of the typing,
 * BENCH_EDITOR_TRACE_DIR=<dir> keeps each typing trace (typing-<words>-<field>.json, for Chromium's
 * performance panel). Needs a production build (NEXT_DIST_DIR, default .next) and DATABASE_URL.
 */

const port = Number(process.env.BENCH_EDITOR_PORT ?? 3192);
const origin = `http://127.0.0.1:${port}`;
const sizes = (process.env.BENCH_EDITOR_SIZES ?? "1000,10000,100000").split(",").map(Number);
const keystrokes = Number(process.env.BENCH_EDITOR_KEYS ?? 60);
const loads = Number(process.env.BENCH_EDITOR_LOADS ?? 3);

type Mode = { name: string; toggle: string | null; body: string };
// The textarea is reached through the editor's one-click toggle; the choice is remembered per browser.
const modes: Mode[] = [
  { name: "textarea (today)", toggle: "Markdown", body: "textarea#story-body" },
  { name: "formatted editor", toggle: "Formatted", body: ".desk-body-editor[contenteditable='true']" },
  // The floor: the same page's one-line headline field, whose keystrokes cost the form's own re-render only.
  { name: "headline (floor)", toggle: "Formatted", body: "input#story-headline" },
];

async function chooseMode(context: BrowserContext, slug: string, mode: Mode): Promise<void> {
  if (!mode.toggle) return;
  const page = await context.newPage();
  await page.goto(`${origin}/desk/stories/${slug}`);
  await page.locator(".desk-editor[data-ready]").waitFor();
  const toggle = page.getByRole("button", { name: mode.toggle, exact: true });
  if (await toggle.isVisible()) await toggle.click();
  await page.locator(mode.body).waitFor();
  await page.close();
}

/**
 * Milliseconds from navigation start until the body accepts typing: the form is live (React has taken it
 * over) and the body is there to type into, as the page's own clock saw it (no browser-driver round trips).
 * A keystroke is then typed to prove it.
 */
async function timeToEditable(
  browser: Browser,
  page: Page,
  slug: string,
  mode: Mode,
  traced: boolean,
): Promise<{ wall: number; cpu: number | null }> {
  // A string, not a function: the bench runs through tsx, whose named-function helpers don't exist in the page.
  await page.addInitScript(`(() => {
    const check = () => {
      if (window.__editableAt) return;
      if (document.querySelector(".desk-editor[data-ready]") && document.querySelector(${JSON.stringify(mode.body)}))
      {
        window.__editableAt = performance.now();
        performance.mark("copydesk-editable");
      }
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  })();`);
  if (traced) await browser.startTracing(page, { categories: ["toplevel", "blink.user_timing"] });
  await page.goto(`${origin}/desk/stories/${slug}`, { waitUntil: "commit" });
  const body = page.locator(mode.body);
  await body.focus({ timeout: 120_000 });
  await page.keyboard.type("Ж");
  await page.waitForFunction(
    (selector) => {
      const element = document.querySelector(selector);
      if (!element) return false;
      const text =
        element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement
          ? element.value
          : element.textContent;
      return text?.includes("Ж");
    },
    mode.body,
    { timeout: 120_000 },
  );
  // The observer can miss the moment when the page was ready before it first saw a change: then "now".
  const editable = await page.evaluate(() =>
    Number(Reflect.get(window, "__editableAt") ?? performance.now()),
  );
  const cpu = traced ? cpuUntilMark(await browser.stopTracing(), "copydesk-editable") : null;
  if (process.env.BENCH_EDITOR_DEBUG) {
    const [nav] = await page.evaluate(() =>
      performance.getEntriesByType("navigation").map((entry) => entry.toJSON() as Record<string, number>),
    );
    console.log(
      `  ${mode.name}: response ${nav?.responseEnd?.toFixed(0)} ms, DOMContentLoaded ${nav?.domContentLoadedEventEnd?.toFixed(0)} ms, load ${nav?.loadEventEnd?.toFixed(0)} ms, editable ${editable.toFixed(0)} ms${cpu === null ? "" : ` (main thread CPU ${cpu.toFixed(0)} ms)`}`,
    );
  }
  return { wall: editable, cpu };
}

/** Puts the caret at the end of a paragraph in the middle of the story. */
async function caretInMiddle(page: Page, mode: Mode): Promise<void> {
  await page.locator(mode.body).evaluate((element) => {
    if (element instanceof HTMLInputElement) {
      element.focus();
      element.setSelectionRange(element.value.length, element.value.length);
      return;
    }
    if (element instanceof HTMLTextAreaElement) {
      const middle = element.value.indexOf("\n\n", Math.floor(element.value.length / 2));
      element.focus();
      element.setSelectionRange(middle, middle);
      return;
    }
    const paragraphs = element.querySelectorAll(":scope > p");
    const target = paragraphs[Math.floor(paragraphs.length / 2)];
    if (!target) throw new Error("no paragraph in the editor");
    target.scrollIntoView({ block: "center" });
    (element as HTMLElement).focus();
    const range = document.createRange();
    range.selectNodeContents(target);
    range.collapse(false);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
  // Let the editor read the new selection before timing starts.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

/**
 * Types in the middle of the story at about 10 keys a second and returns, per keystroke, the time from the
 * keydown until the frame after it (a requestAnimationFrame callback and then a message: past the paint), the
 * main thread's work for it (workPerKeystroke: wall and CPU) and the browser's input-to-next-paint (Event
 * Timing).
 */
async function keystrokeLatencies(browser: Browser, page: Page, mode: Mode, size: number): Promise<Typed> {
  await caretInMiddle(page, mode);
  await page.evaluate(observeInteractions);
  await page.evaluate(() => {
    const samples: number[] = [];
    Reflect.set(window, "__keySamples", samples);
    document.addEventListener(
      "keydown",
      () => {
        const start = performance.now();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => samples.push(performance.now() - start);
          channel.port2.postMessage(0);
        });
      },
      { capture: true },
    );
  });
  const profiler = process.env.BENCH_EDITOR_PROFILE ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send("Profiler.enable");
    await profiler.send("Profiler.setSamplingInterval", { interval: 200 });
    await profiler.send("Profiler.start");
  }
  await browser.startTracing(page, { categories: ["toplevel", "devtools.timeline"] });
  const text = "and the ministers agreed to meet again ".repeat(4).slice(0, keystrokes);
  for (const character of text) {
    await page.keyboard.type(character);
    await page.waitForTimeout(90);
  }
  await page.waitForTimeout(300);
  const trace = await browser.stopTracing();
  if (process.env.BENCH_EDITOR_TRACE_DIR)
    await writeFile(
      `${process.env.BENCH_EDITOR_TRACE_DIR}/typing-${size}-${mode.name.split(" ")[0]}.json`,
      trace,
    );
  if (profiler) printProfile((await profiler.send("Profiler.stop")).profile as CpuProfile);
  const toFrame = await page.evaluate(() => (Reflect.get(window, "__keySamples") as number[]).slice());
  const reported = await page.evaluate(() => [
    ...(Reflect.get(window, "__interactionLatency") as Map<number, number>).values(),
  ]);
  return { toFrame, work: workPerKeystroke(trace), inp: interactionLatencies(reported, text.length) };
}

async function seed(): Promise<{ email: string; password: string; slugs: Map<number, string> }> {
  const { createUser } = await import("@/lib/auth/users");
  const { createStory } = await import("@/lib/revisions/create-story");
  const password = "bench editor password 2026";
  const user = await createUser({
    email: `bench-editor-${Date.now()}@bench.test`,
    name: "Bench Editor",
    role: "editor",
    password,
    actor: "system",
  });
  const actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    via: "session" as const,
  };
  const slugs = new Map<number, string>();
  for (const size of sizes) {
    const slug = `bench-editor-${size}-${Date.now().toString(36)}`;
    await createStory({
      actor,
      input: {
        slug,
        headline: `Leaders agree to start peace talks (${size.toLocaleString("en-US")} words)`,
        body: storyBody(size),
        credits: [{ name: user.name, role: "byline" }],
        publish: false,
      },
    });
    slugs.set(size, slug);
  }
  return { email: user.email, password, slugs };
}

async function signIn(context: BrowserContext, email: string, password: string): Promise<void> {
  const csrf = await context.request.get(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await context.request.post(`${origin}/api/auth/callback/credentials`, {
    form: { email, password, csrfToken, json: "true", callbackUrl: "/desk" },
  });
}

export default async function run(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  await ensureCurrentBuild({ distDir, purpose: "Body editor" });
  const { email, password, slugs } = await seed();
  const server: ChildProcess = startCopydeskServer({ distDir, port });
  let browser: Browser | null = null;
  try {
    await waitUntilAnswering({ url: `${origin}/api/health`, child: server });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    const rows: Row[] = [];
    for (const size of sizes) {
      const slug = slugs.get(size) ?? "";
      for (const mode of modes) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await signIn(context, email, password);
        await chooseMode(context, slug, mode);
        const editable: number[] = [];
        let editableCpu = NaN;
        let typed: Typed = { toFrame: [], work: [], inp: [] };
        for (let load = 0; load < loads; load += 1) {
          const page = await context.newPage();
          // The last load is traced for its CPU time (and then typed in).
          const loaded = await timeToEditable(browser, page, slug, mode, load === loads - 1);
          editable.push(loaded.wall);
          editableCpu = loaded.cpu ?? editableCpu;
          if (load === loads - 1) typed = await keystrokeLatencies(browser, page, mode, size);
          await page.close();
        }
        await context.close();
        rows.push({ size, mode: mode.name, editable: median(editable), editableCpu, typed });
      }
    }
    printRows(rows, modes[1]?.name ?? "");
  } finally {
    await browser?.close();
    server.kill("SIGTERM");
  }
}
