// Which squads a squad-level rule looks at: every board of the site, in id order; none when the data has no boards.
import type { NormalisedSite } from '../model';

export function boardIds(site: NormalisedSite): number[] {
  return [...new Set(site.boards.map((b) => b.id))].sort((a, b) => a - b);
}
