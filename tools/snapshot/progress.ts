// The recorder's progress bar on stderr: one redrawn line on a terminal, plain lines (per phase and per 10%) in CI.
// Plain text only (no colours, no cursor codes beyond \r), so logs stay readable wherever they end up.

export const RECORD_PHASES = [
  'fields',
  'statuses',
  'projects',
  'boards',
  'sprints',
  'issues',
  'changelogs',
  'writing',
] as const;
export type RecordPhase = (typeof RECORD_PHASES)[number];

export interface ProgressReport {
  phase: RecordPhase;
  done: number;
  /** Absent when the total is unknown (search/jql has none). */
  total?: number;
  /** The total is Jira's estimate (search/approximate-count), not a promise. */
  approximate?: boolean;
  /** The phase was finished by an earlier run and is taken from the partial folder. */
  resumed?: boolean;
}

/** Where progress goes: process.stderr, or a test's collector. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  update(report: ProgressReport): void;
  /** A message between progress lines (a warning, a resume notice). */
  note(message: string): void;
  /** Prints the last state of the current phase and ends the line. */
  end(): void;
}

const BAR_WIDTH = 20;

/** One progress line, e.g. "changelogs [##########..........]  500/1000  50%", or "issues 340" without a total. */
export function formatProgress(report: ProgressReport): string {
  const phase = report.phase.padEnd(10);
  const resumed = report.resumed === true ? ' (resumed)' : '';
  const total = report.total;
  if (total === undefined) return `${phase} ${report.done}${resumed}`;
  const shownTotal = report.approximate === true ? `~${total}` : String(total);
  const ratio = total > 0 ? Math.min(1, report.done / total) : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `${phase} ${bar} ${report.done}/${shownTotal} ${percent}${resumed}`;
}

/**
 * Which step of its phase a report has reached, for plain-line output: tenths when the total is known (an
 * estimate can be passed, so capped at 10), else doublings of the count (1, 2, 4, …), so a 50,000-issue search
 * prints about 16 lines, not 500.
 */
function stepOf(report: ProgressReport): number {
  if (report.total !== undefined) {
    if (report.total <= 0) return 10;
    return Math.min(10, Math.floor((report.done / report.total) * 10));
  }
  return report.done <= 0 ? 0 : Math.floor(Math.log2(report.done)) + 1;
}

function stepPercent(report: ProgressReport): number {
  if (report.total === undefined || report.total <= 0) return 100;
  return report.done >= report.total ? 100 : Math.floor((report.done / report.total) * 100);
}

/** A progress bar that redraws one line on a terminal and prints a line per phase and per step otherwise. */
export function createProgress(stream: ProgressStream): Progress {
  const tty = stream.isTTY === true;
  let current: ProgressReport | undefined;
  let printedStep = -1;
  let lastPrinted: string | undefined;
  let drawnLength = 0;
  let drawnKey: string | undefined;

  const printLine = (line: string) => {
    stream.write(`${line}\n`);
    lastPrinted = line;
  };

  const draw = (line: string) => {
    stream.write(`\r${line.padEnd(drawnLength)}`);
    drawnLength = line.length;
  };

  const endLine = () => {
    if (current === undefined) return;
    const line = formatProgress(current);
    if (tty) {
      draw(line);
      stream.write('\n');
      drawnLength = 0;
    } else if (line !== lastPrinted) {
      printLine(line);
    }
  };

  return {
    update(report) {
      if (current !== undefined && current.phase !== report.phase) {
        endLine();
        printedStep = -1;
        drawnKey = undefined;
      }
      current = { ...report };
      const line = formatProgress(report);
      if (tty) {
        // Redraw when the percentage moves (50,000 issues need not be 50,000 redraws); counts without total always.
        const key =
          report.total === undefined ? line : `${report.phase} ${stepPercent(report)} ${report.resumed}`;
        if (key !== drawnKey) {
          drawnKey = key;
          draw(line);
        }
        return;
      }
      const step = stepOf(report);
      if (step > printedStep && line !== lastPrinted) {
        printedStep = step;
        printLine(line);
      }
    },
    note(message) {
      if (tty && drawnLength > 0) {
        stream.write(`\r${' '.repeat(drawnLength)}\r${message}\n`);
        drawnLength = 0;
        if (current !== undefined) draw(formatProgress(current));
      } else {
        stream.write(`${message}\n`);
      }
    },
    end() {
      endLine();
      current = undefined;
      printedStep = -1;
      drawnKey = undefined;
    },
  };
}
