// The responsibilities (rows of the map) and their layers, as DOMAIN.md defines them.
import { z } from 'zod';

export const ROW_KEYS = [
  'roadmap',
  'prioritization',
  'story-writing',
  'refinement',
  'acceptance-criteria',
  'sprint-planning',
  'acceptance',
  'delivery',
] as const;
export const RowKeySchema = z.enum(ROW_KEYS);
export type RowKey = z.infer<typeof RowKeySchema>;

export const LayerSchema = z.enum(['strategic', 'tactical', 'delivery']);
export type Layer = z.infer<typeof LayerSchema>;

export interface RowDefinition {
  key: RowKey;
  label: string;
  layer: Layer;
}

export const ROWS: readonly RowDefinition[] = [
  { key: 'roadmap', label: 'Sets roadmap items', layer: 'strategic' },
  { key: 'prioritization', label: 'Orders the backlog', layer: 'tactical' },
  { key: 'story-writing', label: 'Writes user stories', layer: 'tactical' },
  { key: 'refinement', label: 'Refines stories', layer: 'tactical' },
  { key: 'acceptance-criteria', label: 'Defines acceptance criteria', layer: 'tactical' },
  { key: 'sprint-planning', label: 'Plans sprint scope', layer: 'tactical' },
  { key: 'acceptance', label: 'Accepts sprint work', layer: 'tactical' },
  { key: 'delivery', label: 'Builds the work', layer: 'delivery' },
];

export function rowLayer(key: RowKey): Layer {
  const row = ROWS.find((r) => r.key === key);
  if (!row) throw new Error(`Unknown row ${key}`);
  return row.layer;
}

export const TACTICAL_ROWS: readonly RowKey[] = ROWS.filter((r) => r.layer === 'tactical').map((r) => r.key);
