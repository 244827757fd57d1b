// `npm run jira:serve -- --snapshot DIR [--port N] [--host H] [--points-per-hour N]`: serves a snapshot as a local
// Jira Cloud site until Ctrl-C, then prints how many requests each endpoint answered and the points they cost.
import { exitWhenFlushed } from '../flush-exit';
import { INSTALLATION_HEADER, isPointsQuota } from './points';
import { startJiraServer } from './server';

function argValue(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  const inline = args.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const snapshotDir = argValue(args, '--snapshot');
  if (!snapshotDir || args.includes('--help')) {
    console.error(
      'Usage: npm run jira:serve -- --snapshot DIR [--port N] [--host 127.0.0.1] [--points-per-hour N]',
    );
    process.exitCode = 2;
    return;
  }
  const portText = argValue(args, '--port') ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number (0 = any free port), not '${portText}'.`);
    process.exitCode = 2;
    return;
  }
  const host = argValue(args, '--host') ?? '127.0.0.1';
  const quotaText = argValue(args, '--points-per-hour');
  const pointsPerHour = quotaText === undefined ? undefined : Number(quotaText);
  if (pointsPerHour !== undefined && !isPointsQuota(pointsPerHour)) {
    console.error(`--points-per-hour must be a whole number of points of at least 1, not '${quotaText}'.`);
    process.exitCode = 2;
    return;
  }
  const server = await startJiraServer({ snapshotDir, port, host, pointsPerHour });
  const stats = server.snapshotStats;
  console.log(
    `Jira server for ${snapshotDir} (${stats.issues} issues, ${stats.histories} histories, projects ${stats.projects.join(', ')})`,
  );
  console.log(server.url);
  console.log(
    pointsPerHour === undefined
      ? 'Points are counted (1 + objects returned), no hourly quota.'
      : `Hourly quota: ${pointsPerHour} points per installation (header ${INSTALLATION_HEADER}; none = one shared ledger).`,
  );
  console.log(
    'Act as an account with the header x-acting-account-id: <accountId> (local-site-admin = the site admin; no header = anonymous, who browses nothing). Ctrl-C to stop.',
  );

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const counts = Object.entries(server.requestCounts());
    console.log('\nRequests by endpoint:');
    if (counts.length === 0) console.log('  (none)');
    for (const [key, count] of counts) console.log(`  ${String(count).padStart(7)}  ${key}`);
    const points = server.points();
    console.log(`Points: ${points.total}`);
    for (const [key, charged] of Object.entries(points.byEndpoint)) {
      console.log(`  ${String(charged).padStart(7)}  ${key}`);
    }
    // Exit only once the counts above are delivered (stdout may be a pipe), not merely written.
    void server.close().then(() => exitWhenFlushed(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
