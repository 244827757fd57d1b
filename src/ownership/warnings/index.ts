// Runs every bottleneck and health warning of DOMAIN.md over one analysis and orders them for the reader:
// most severe first, then by warning id, then by board, people and message, so equal input gives equal output.
import type { Severity, Warning, WarningId } from '../warning';
import { acceptanceConcentration } from './acceptance-concentration';
import type { WarningContext } from './context';
import { declaredMismatch } from './declared-mismatch';
import { deferredStrategy } from './deferred-strategy';
import { noOwner } from './no-owner';
import type { WarningRule } from './rule';
import { selfAcceptance } from './self-acceptance';
import { singlePoint } from './single-point';
import { spanOfControl } from './span-of-control';
import { squadSize } from './squad-size';
import { strategyAndAcceptance } from './strategy-and-acceptance';
import { tacticalOverload } from './tactical-overload';
import { vagueStories } from './vague-stories';

export type { WarningContext } from './context';
export type { WarningRule } from './rule';

/** One rule per warning id; a rule may fire several warnings (per board, per person, per row). */
export const WARNING_RULES: Readonly<Record<WarningId, WarningRule>> = {
  'strategy-and-acceptance': strategyAndAcceptance,
  'tactical-overload': tacticalOverload,
  'acceptance-concentration': acceptanceConcentration,
  'vague-stories': vagueStories,
  'deferred-strategy': deferredStrategy,
  'span-of-control': spanOfControl,
  'squad-size': squadSize,
  'self-acceptance': selfAcceptance,
  'no-owner': noOwner,
  'single-point': singlePoint,
  'declared-mismatch': declaredMismatch,
};

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export function evaluateWarnings(ctx: WarningContext): Warning[] {
  const warnings = Object.values(WARNING_RULES).flatMap((rule) => rule(ctx));
  return warnings.sort(compareWarnings);
}

export function compareWarnings(a: Warning, b: Warning): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    text(a.id, b.id) ||
    (a.boardId ?? -1) - (b.boardId ?? -1) ||
    text(a.people.join(','), b.people.join(',')) ||
    text(a.message, b.message)
  );
}

function text(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
