// The shape every warning rule has: read the context, return the warnings it fires (none, one or several).
import type { Warning } from '../warning';
import type { WarningContext } from './context';

export type WarningRule = (ctx: WarningContext) => Warning[];
