// One colour per responsibility: strategic in purple, tactical in the blue–teal–green family, delivery in grey, so
// the layers read at a glance and neighbouring tactical segments still differ. Design tokens, light fallbacks.
import { token } from '@atlaskit/tokens';
import type { RowKey } from '../../../../src/ownership/rows';

export const RESPONSIBILITY_COLORS: Record<RowKey, string> = {
  roadmap: token('color.background.accent.purple.bolder', '#6E5DC6'),
  prioritization: token('color.background.accent.blue.bolder', '#0C66E4'),
  'story-writing': token('color.background.accent.blue.subtle', '#579DFF'),
  refinement: token('color.background.accent.teal.bolder', '#227D9B'),
  'acceptance-criteria': token('color.background.accent.teal.subtle', '#6CC3E0'),
  'sprint-planning': token('color.background.accent.green.bolder', '#1F845A'),
  acceptance: token('color.background.accent.green.subtle', '#4BCE97'),
  delivery: token('color.background.accent.gray.subtle', '#8590A2'),
};

export const STRATEGIC_LINE = token('color.chart.purple.bold', '#8270DB');
export const TACTICAL_LINE = token('color.chart.blue.bold', '#388BFF');
export const THRESHOLD_LINE = token('color.border.danger', '#E2483D');
export const TRACK = token('color.background.neutral', '#091E420F');
export const GAP = token('elevation.surface', '#FFFFFF');
