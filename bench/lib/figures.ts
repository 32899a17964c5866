/**
 * Timing and printing that every bench shares. Wall time is shown with CPU time (user + system of
 * this process) beside it, because the machines the benches run on are shared and busy: other load
 * moves the wall time far more than the CPU time.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The value below which `p` per cent of the values lie (nearest rank). */
export const percentile = (values: number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

export const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** The line that says where the figures come from. */
export const machine = (): string => `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores`;

export interface Figure {
  /** Median wall time of the runs. */
  wall: number;
  /** Median CPU time (user + system) of the runs. */
  cpu: number;
  /** The slowest run's wall time. */
  worst: number;
}

/** Runs `work(round)` `runs` times, one after another; wall and CPU time of each, as medians. */
export async function measure(runs: number, work: (round: number) => unknown): Promise<Figure> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < runs; round += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await work(round);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu), worst: Math.max(...wall) };
}

/** A table of figures, one row a measure, with a verdict where the row has a target. */
export class FigureTable {
  private readonly verdicts: boolean[] = [];
  private readonly labelWidth: number;

  // A plain field, not a parameter property: Node's type stripping does not accept those here.
  constructor(labelWidth: number) {
    this.labelWidth = labelWidth;
  }

  header(first = 'median of runs'): void {
    console.log(`${first.padEnd(this.labelWidth)} ${'wall'.padStart(10)} ${'CPU'.padStart(10)} ${'worst'.padStart(10)}`);
  }

  /** A row; with `targetMs` the median wall time must stay under it; `note` follows the figures. */
  row(label: string, figure: Figure, { targetMs = null, note = '' }: { targetMs?: number | null; note?: string } = {}): void {
    const pass = targetMs === null || figure.wall < targetMs;
    this.verdicts.push(pass);
    const target = targetMs === null ? '' : `  (< ${targetMs} ms: ${pass ? 'PASS' : 'FAIL'})`;
    const after = note ? `  ${note}` : '';
    console.log(`${label.padEnd(this.labelWidth)} ${ms(figure.wall).padStart(10)} ${ms(figure.cpu).padStart(10)} ${ms(figure.worst).padStart(10)}${target}${after}`);
  }

  /** Whether every row with a target met it. */
  get allMet(): boolean {
    return this.verdicts.every(Boolean);
  }
}
