import { diffWords } from "diff";

import { defaultDiffTimeoutMs } from "@/lib/revisions/diff/diff-budget";
import { diffContent } from "@/lib/revisions/diff/diff-content";
import type { RevisionContent } from "@/lib/revisions/revision-content";

import { healthDuring, ms } from "./support/health-during";
import { median } from "./support/measure";

/*
 * Diff speed on 10,000-word stories (issue 3, "Speed"): our paragraph-first diff (median of several
 * runs) beside a plain whole-body jsdiff diffWords. The plain 50% case takes seconds, so it runs once.
 */

/** Deterministic pseudo-random numbers (mulberry32), so every run compares the same texts. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const syllables = [
  "ka",
  "lo",
  "mi",
  "ne",
  "ra",
  "su",
  "ti",
  "vo",
  "ba",
  "de",
  "gu",
  "ho",
  "ji",
  "pe",
  "qua",
  "ro",
  "sha",
  "te",
  "ul",
  "wy",
];

function vocabulary(next: () => number, size: number): string[] {
  return Array.from({ length: size }, () => {
    const parts = 1 + Math.floor(next() * 3);
    return Array.from({ length: parts }, () => syllables[Math.floor(next() * syllables.length)]).join("");
  });
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

/** ~`words` words in paragraphs of 30–70 words, with a full stop every dozen words or so. */
function paragraphsOf(next: () => number, words: number, dictionary: readonly string[]): string[][] {
  const paragraphs: string[][] = [];
  let left = words;
  while (left > 0) {
    const length = Math.min(left, 30 + Math.floor(next() * 41));
    paragraphs.push(
      Array.from(
        { length },
        (_, index) => pick(next, dictionary) + (index === length - 1 || next() < 0.08 ? "." : ""),
      ),
    );
    left -= length;
  }
  return paragraphs;
}

const render = (paragraphs: readonly string[][]) => paragraphs.map((words) => words.join(" ")).join("\n\n");

function content(body: string): RevisionContent {
  return {
    headline: "Flooding closes river crossings",
    dek: "",
    byline: "By the desk",
    body,
    images: [],
    credits: [],
    developing: true,
  };
}

type Case = {
  name: string;
  from: string;
  to: string;
  runs: number;
  target: string;
  plain: "median" | "once" | "bounded";
};

function cases(): Case[] {
  const next = random(20261126);
  const dictionary = vocabulary(next, 3_000);
  const original = paragraphsOf(next, 10_000, dictionary);

  const typical = original.map((words) => [...words]);
  for (const index of [12, 80, 151]) {
    const words = typical[index] as string[];
    words.splice(5, 3, "officials", "said", "Tuesday");
  }
  typical.splice(100, 0, paragraphsOf(next, 40, dictionary)[0] as string[]);

  const replaceShare = (share: number) =>
    original.map((words) => words.map((word) => (next() < share ? pick(next, dictionary) : word)));

  const unrelated = (seed: number) => {
    const own = random(seed);
    const text = render(paragraphsOf(own, 4_000, vocabulary(own, 3_000)));
    return text.slice(0, 20_000);
  };
  return [
    {
      name: "typical update (3 paragraphs edited, 1 added)",
      from: render(original),
      to: render(typical),
      runs: 41,
      target: "< 5 ms",
      plain: "median",
    },
    {
      name: "2% of words changed throughout",
      from: render(original),
      to: render(replaceShare(0.02)),
      runs: 21,
      target: "< 25 ms",
      plain: "median",
    },
    {
      name: "50% of words changed",
      from: render(original),
      to: render(replaceShare(0.5)),
      runs: 9,
      target: "< 250 ms",
      plain: "once",
    },
    {
      name: "unrelated 20,000-character texts",
      from: unrelated(1),
      to: unrelated(2),
      runs: 5,
      target: "within timeout",
      plain: "bounded",
    },
    {
      name: "unrelated 20,000 chars, one paragraph each",
      from: unrelated(3).replace(/\n\n/g, " "),
      to: unrelated(4).replace(/\n\n/g, " "),
      runs: 5,
      target: "within timeout",
      plain: "bounded",
    },
  ];
}

/**
 * Wall-clock and CPU milliseconds of one call; CPU time stays meaningful when other work shares the 2 cores.
 */
function time(action: () => void): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  action();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1_000 };
}

export default async function run(): Promise<void> {
  const rows: Record<string, string>[] = [];
  for (const item of cases()) {
    const from = content(item.from);
    const to = content(item.to);
    diffContent({ from, to });
    let last = diffContent({ from, to });
    const times = Array.from({ length: item.runs }, () => time(() => (last = diffContent({ from, to }))));
    let plain: string;
    if (item.plain === "bounded") {
      // Unbounded, an unrelated pair can take many seconds; with jsdiff's own timeout it gives up instead.
      let result: unknown;
      const spent = time(
        () => (result = diffWords(item.from, item.to, { timeout: defaultDiffTimeoutMs })),
      ).wall;
      plain = result === undefined ? `gave up after ${ms(spent)}` : ms(spent);
    } else {
      const runs = item.plain === "once" ? 1 : 5;
      const plainTimes = Array.from({ length: runs }, () => time(() => diffWords(item.from, item.to)).wall);
      plain = `${ms(median(plainTimes))}${runs === 1 ? " (1 run)" : ""}`;
    }
    rows.push({
      case: item.name,
      words: `${item.from.split(/\s+/).length}`,
      paragraphs: `${last.body.fromParagraphCount}`,
      target: item.target,
      "copydesk median": ms(median(times.map((entry) => entry.wall))),
      "median CPU": ms(median(times.map((entry) => entry.cpu))),
      max: ms(Math.max(...times.map((entry) => entry.wall))),
      runs: `${item.runs}`,
      "plain diffWords": plain,
      result: last.degraded ? `fell back (${last.body.granularity})` : `${last.body.granularity}-level`,
    });
  }
  console.log(`\nDiff of two revisions (timeout ${defaultDiffTimeoutMs} ms)`);
  console.table(rows);
  await worstCases();
}

/**
 * Issue 19: the worst inputs found beside a typical one, each compared the old way (on the event loop) and
 * the way requests do now (diffContentOffLoop / mergeContentOffLoop: inline when small, else the worker
 * pool), with the health check (the database round trip a load balancer waits on) asked over and over
 * meanwhile.
 */
async function worstCases(): Promise<void> {
  const { checkHealth } = await import("@/lib/health/check-health");
  const { diffContentOffLoop } = await import("@/lib/revisions/diff/diff-content-off-loop");
  const { mergeContent } = await import("@/lib/revisions/merge/merge-content");
  const { mergeContentOffLoop } = await import("@/lib/revisions/merge/merge-content-off-loop");
  const { runOffLoop } = await import("@/lib/workers/worker-pool");
  const [typical] = cases();
  const words = Array.from({ length: 375_000 }, (_, index) => (index % 39_000).toString(36));
  const same = Array.from({ length: 1_000 }, () => "The same paragraph.");
  const inputs = [
    {
      name: "typical update, 10,000 words",
      kind: "diff" as const,
      from: content(typical?.from ?? ""),
      to: content(typical?.to ?? ""),
    },
    {
      name: "1.5 MB paragraph → 39,000 paragraphs",
      kind: "diff" as const,
      from: content(words.join(" ")),
      to: content(words.slice(0, 39_000).join("\n\n")),
    },
    {
      name: "merge, 1,000 identical paragraphs",
      kind: "merge" as const,
      from: content(same.join("\n\n")),
      to: content([...same, "Theirs."].join("\n\n")),
    },
  ];
  const probe = () => checkHealth();
  // Starts the pool's threads and the database connection, so neither is counted below.
  await Promise.all([runOffLoop("renderStoryBody", { markdown: "Starts the pool." }), checkHealth()]);
  const idle = await healthDuring({ work: () => new Promise((resolve) => setTimeout(resolve, 300)), probe });
  const rows: Record<string, string>[] = [];
  for (const input of inputs) {
    const ours = content(`Ours.\n\n${input.from.body}`);
    const onLoop = await healthDuring({
      work: async () =>
        input.kind === "diff"
          ? diffContent({ from: input.from, to: input.to }).degraded
          : mergeContent({ base: input.from, ours, theirs: input.to }).reason !== null,
      probe,
    });
    const offLoop = await healthDuring({
      work: async () =>
        input.kind === "diff"
          ? (await diffContentOffLoop({ from: input.from, to: input.to })).degraded
          : (await mergeContentOffLoop({ base: input.from, ours, theirs: input.to })).reason !== null,
      probe,
    });
    rows.push({
      case: input.name,
      "on the loop": ms(onLoop.wall),
      "health max (on the loop)": ms(onLoop.health.max),
      "as requests do now": ms(offLoop.wall),
      "health median / max (now)": `${ms(offLoop.health.median)} / ${ms(offLoop.health.max)}`,
      "health answers": `${offLoop.health.count}`,
      coarser: offLoop.result ? "yes, and says so" : "no",
    });
  }
  console.log(
    `\nWorst cases (issue 19), health meanwhile; idle health: median ${ms(idle.health.median)}, max ${ms(idle.health.max)}`,
  );
  console.table(rows);
}
