/*
 * Figures from a Chromium trace and the page's Event Timing entries, for the browser benches: the main
 * thread's work before a page became usable, and per keystroke.
 * Wall time (`dur`) grows when other programs share the machine's cores; thread time (`tdur`, the CPU the
 * renderer's main thread really used) and the browser's own input-to-next-paint much less so, which is what
 * lets a result be judged on a loaded machine.
 */

type TraceEvent = {
  cat?: string;
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string } };
};

function traceEvents(trace: Buffer): TraceEvent[] {
  return (JSON.parse(trace.toString("utf8")) as { traceEvents: TraceEvent[] }).traceEvents;
}

const isTask = (event: TraceEvent) =>
  event.ph === "X" &&
  (event.name === "RunTask" || event.name === "ThreadControllerImpl::RunTask") &&
  (event.dur ?? 0) > 0;

/**
 * The CPU time the page's main thread used from the start of the trace until the page called
 * `performance.mark(mark)` (trace categories "toplevel" and "blink.user_timing"): parsing, running the
 * page's scripts, hydration and the editor's start, without the waits for the network and for other
 * programs on a busy machine. null when the mark is not in the trace.
 */
export function cpuUntilMark(trace: Buffer, mark: string): number | null {
  const events = traceEvents(trace);
  const marked = events.find((event) => event.name === mark && event.ph !== "X");
  if (!marked) return null;
  return (
    events
      .filter((event) => event.pid === marked.pid && event.tid === marked.tid && isTask(event))
      .filter((event) => event.ts <= marked.ts)
      .reduce((total, event) => total + (event.tdur ?? event.dur ?? 0), 0) / 1000
  );
}

export type KeystrokeWork = { wall: number; cpu: number };

/**
 * The renderer's main-thread work for each keystroke, from Chromium's own trace: every task from the one
 * that dispatched the keydown until the next keydown (input handling, the editor, React, style, layout and
 * paint of the frame that shows it), as wall time and as the thread's CPU time. Unlike the time to the next
 * frame, it leaves out waiting for the display's next frame (0–16.7 ms at 60 Hz), which no editor can shorten.
 */
export function workPerKeystroke(trace: Buffer): KeystrokeWork[] {
  const events = traceEvents(trace);
  const keydowns = events
    .filter((event) => event.name === "EventDispatch" && event.args?.data?.type === "keydown")
    .sort((a, b) => a.ts - b.ts);
  const first = keydowns[0];
  if (!first) return [];
  const tasks = events
    .filter((event) => event.pid === first.pid && event.tid === first.tid && isTask(event))
    .sort((a, b) => a.ts - b.ts);
  const startOf = (keydown: TraceEvent) =>
    tasks.find((task) => task.ts <= keydown.ts && keydown.ts <= task.ts + (task.dur ?? 0))?.ts ?? keydown.ts;
  return keydowns.map((keydown, index) => {
    const from = startOf(keydown);
    const next = keydowns[index + 1];
    const to = next ? startOf(next) : keydown.ts + 250_000;
    const within = tasks.filter((task) => task.ts >= from && task.ts < to);
    const sum = (read: (task: TraceEvent) => number) =>
      within.reduce((total, task) => total + read(task), 0) / 1000;
    return { wall: sum((task) => task.dur ?? 0), cpu: sum((task) => task.tdur ?? task.dur ?? 0) };
  });
}

/**
 * Installed before typing: keeps the page's Event Timing entries (`PerformanceObserver` type "event", the
 * API behind the browser's own Interaction to Next Paint) from keydown to the paint after it. Entries shorter
 * than the observer's lowest threshold (16 ms) are never reported: such a keystroke counts as under 16 ms.
 */
export const observeInteractions = `(() => {
  const byInteraction = new Map();
  window.__interactionLatency = byInteraction;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.interactionId) continue;
      byInteraction.set(entry.interactionId, Math.max(byInteraction.get(entry.interactionId) ?? 0, entry.duration));
    }
  }).observe({ type: "event", durationThreshold: 16 });
})();`;

/**
 * Per keystroke typed, the browser's interaction latency (input to next paint) in ms; keystrokes the browser
 * did not report (under 16 ms) count as 0, so a percentile of 0 reads "under 16 ms".
 */
export function interactionLatencies(reported: number[], keys: number): number[] {
  return [...reported, ...Array.from({ length: Math.max(0, keys - reported.length) }, () => 0)];
}

export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  startTime: number;
  endTime: number;
};

/** The functions that took the most time themselves while typing (BENCH_EDITOR_PROFILE=1): what to speed up. */
export function printProfile(profile: CpuProfile): void {
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples?.length ?? 1);
  for (const id of profile.samples ?? []) {
    const frame = byId.get(id)?.callFrame;
    const key = `${frame?.functionName || "(anonymous)"} ${frame?.url.split("/").pop()}:${frame?.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + interval / 1000);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [key, time] of top) console.log(`    ${time.toFixed(0).padStart(6)} ms  ${key}`);
}
