// The progress line while the project analysis runs: what is being read, then the seconds so far, then why a large
// project takes longer (a Forge resolver may run for up to 25 seconds).
export function progressText(scope: string, seconds: number): string {
  const base = `Reading ${scope} from Jira: issues and their full change history…`;
  if (seconds < 3) return base;
  if (seconds < 10) return `${base} ${seconds} s`;
  return `${base} ${seconds} s. Large projects take longer; Jira allows up to 25 s.`;
}
