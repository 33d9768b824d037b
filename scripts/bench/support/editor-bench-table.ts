import type { KeystrokeWork } from "./page-trace";

/** What typing in one field measured, per keystroke. */
export type Typed = { toFrame: number[]; work: KeystrokeWork[]; inp: number[] };

export type Row = { size: number; mode: string; editable: number; editableCpu: number; typed: Typed };

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** The body editor bench's table, and the issue's targets judged on the formatted editor's rows. */
export function printRows(rows: Row[], editorMode: string): void {
  const ms = (value: number) => (value < 100 ? value.toFixed(1) : value.toFixed(0));
  const trio = (values: number[]) =>
    `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))} / ${ms(Math.max(...values))}`.padEnd(20);
  // The browser reports no interaction under 16 ms: those read "<16".
  const inp = (value: number) => (value < 16 ? "<16" : ms(value));
  console.log(
    "words     body editor          editable (CPU)     work/key wall p50/p95/max  CPU p50/p95/max      input→paint p50/p95  keydown→frame p50/p95",
  );
  for (const { size, mode, editable, editableCpu, typed } of rows) {
    console.log(
      `${size.toLocaleString("en-US").padEnd(9)} ${mode.padEnd(20)} ${`${ms(editable)} ms (${ms(editableCpu)})`.padEnd(18)} ` +
        `${trio(typed.work.map((work) => work.wall))}       ${trio(typed.work.map((work) => work.cpu))} ` +
        `${`${inp(percentile(typed.inp, 50))} / ${inp(percentile(typed.inp, 95))}`.padEnd(20)} ` +
        `${ms(percentile(typed.toFrame, 50))} / ${ms(percentile(typed.toFrame, 95))}`,
    );
  }
  const editor = (size: number) => rows.find((row) => row.size === size && row.mode === editorMode);
  const p95 = (size: number, read: (typed: Typed) => number[]) => {
    const row = editor(size);
    return row ? percentile(read(row.typed), 95) : undefined;
  };
  const verdict = (value: number | undefined, limit: number) =>
    value === undefined ? "not measured" : value < limit ? "met" : "NOT met";
  const typing = (size: number, limit: number) =>
    `wall ${verdict(
      p95(size, (typed) => typed.work.map((work) => work.wall)),
      limit,
    )}, ` +
    `CPU ${verdict(
      p95(size, (typed) => typed.work.map((work) => work.cpu)),
      limit,
    )}, ` +
    `input→paint ${verdict(
      p95(size, (typed) => typed.inp),
      limit,
    )}`;
  console.log(
    `Targets (keystroke work; the next frame adds the display's wait): p95 < 16 ms at 10,000 words: ${typing(10_000, 16)}; ` +
      `< 50 ms at 100,000: ${typing(100_000, 50)}; ` +
      `editable within 1 s at 10,000 words: wall ${verdict(editor(10_000)?.editable, 1000)}, main-thread CPU ${verdict(editor(10_000)?.editableCpu, 1000)}.`,
  );
}
