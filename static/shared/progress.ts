// The progress line while an analysis runs, shared by the macro and the Jira views: what is being read (the scope
// and how many projects or boards), then the seconds so far, then why a large scope takes longer (a Forge resolver
// may run for up to 25 seconds). One invocation reports nothing until it answers, so the clock is the UI's own.
import { useEffect, useState } from 'react';

export function progressText(scope: string, seconds: number): string {
  const base = `Reading ${scope} from Jira: issues and their full change history…`;
  if (seconds < 3) return base;
  if (seconds < 10) return `${base} ${seconds} s`;
  return `${base} ${seconds} s. Large projects take longer; Jira allows up to 25 s.`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "CHK, PAY, SRCH (3 projects)", "2 boards", "CHK (1 project) and 2 boards". */
export function scopeText(projects: readonly string[], boards: number): string {
  const parts = [
    projects.length === 0 ? null : `${projects.join(', ')} (${plural(projects.length, 'project')})`,
    boards === 0 ? null : plural(boards, 'board'),
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? 'the chosen scope' : parts.join(' and ');
}

/** Seconds since `running` turned true, for the progress line of long analyses. */
export function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}
