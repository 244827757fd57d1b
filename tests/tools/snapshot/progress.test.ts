// The recorder's progress bar: plain lines per phase and per 10% without a terminal, one redrawn line with one.
import { createProgress, formatProgress } from '../../../tools/snapshot/progress';

function collector(isTTY: boolean): {
  stream: { write(text: string): void; isTTY: boolean };
  text(): string;
} {
  let text = '';
  return { stream: { write: (chunk: string) => void (text += chunk), isTTY }, text: () => text };
}

describe('formatProgress', () => {
  it('draws a 20-wide bar with done/total and the percentage', () => {
    expect(formatProgress({ phase: 'changelogs', done: 500, total: 1000 })).toBe(
      'changelogs [##########..........] 500/1000  50%',
    );
  });

  it('shows only the count when the total is unknown, and marks estimates and resumed phases', () => {
    expect(formatProgress({ phase: 'issues', done: 340 })).toBe('issues     340');
    expect(formatProgress({ phase: 'issues', done: 50, total: 200, approximate: true })).toBe(
      'issues     [#####...............] 50/~200  25%',
    );
    expect(formatProgress({ phase: 'fields', done: 9, total: 9, resumed: true })).toBe(
      'fields     [####################] 9/9 100% (resumed)',
    );
  });
});

describe('createProgress without a terminal', () => {
  it('prints one line per 10% of a phase with a total, and the last state of each phase', () => {
    const out = collector(false);
    const progress = createProgress(out.stream);
    for (let done = 0; done <= 1000; done += 1) progress.update({ phase: 'changelogs', done, total: 1000 });
    progress.update({ phase: 'writing', done: 0, total: 3 });
    progress.update({ phase: 'writing', done: 3, total: 3 });
    progress.end();
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(11 + 2);
    expect(lines[0]).toBe('changelogs [....................] 0/1000   0%');
    expect(lines[1]).toBe('changelogs [##..................] 100/1000  10%');
    expect(lines[10]).toBe('changelogs [####################] 1000/1000 100%');
    expect(lines.slice(11)).toEqual([
      'writing    [....................] 0/3   0%',
      'writing    [####################] 3/3 100%',
    ]);
    expect(out.text()).not.toContain('\r');
  });

  it('prints a count without total each time it doubles, and the final count when the phase ends', () => {
    const out = collector(false);
    const progress = createProgress(out.stream);
    for (let done = 0; done <= 1000; done += 100) progress.update({ phase: 'issues', done });
    progress.update({ phase: 'issues', done: 1003 });
    progress.update({ phase: 'changelogs', done: 0, total: 1003 });
    progress.end();
    expect(out.text().trimEnd().split('\n')).toEqual([
      'issues     0',
      'issues     100',
      'issues     200',
      'issues     300',
      'issues     600',
      'issues     1003',
      'changelogs [....................] 0/1003   0%',
    ]);
  });

  it('prints notes as their own lines', () => {
    const out = collector(false);
    const progress = createProgress(out.stream);
    progress.update({ phase: 'fields', done: 0 });
    progress.note('Resuming the recording in x.partial.');
    progress.end();
    expect(out.text()).toBe('fields     0\nResuming the recording in x.partial.\n');
  });
});

describe('createProgress on a terminal', () => {
  it('redraws one line with \\r when the percentage moves, and ends it with a newline', () => {
    const out = collector(true);
    const progress = createProgress(out.stream);
    for (let done = 0; done <= 1000; done += 1) progress.update({ phase: 'changelogs', done, total: 1000 });
    progress.end();
    const text = out.text();
    expect(text.split('\r')).toHaveLength(1 + 101 + 1);
    expect(text.endsWith('changelogs [####################] 1000/1000 100%\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
  });

  it('clears the bar to print a note, then draws it again', () => {
    const out = collector(true);
    const progress = createProgress(out.stream);
    progress.update({ phase: 'issues', done: 5 });
    progress.note('Left out: something.');
    expect(out.text()).toBe('\rissues     5\r            \rLeft out: something.\n\rissues     5');
  });
});
