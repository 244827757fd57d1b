// One string per distinct short text of a run. JSON.parse shares strings of up to ten characters only, so every
// change item brings its own copy of "In Progress", "Ranked higher", "Story point estimate" or an account id; the
// events and timelines of a 50,000-issue site would hold a million such copies (a quarter of their heap).
// Free texts (descriptions, acceptance criteria) are mostly unique: sharing them would only cost a look-up; an
// event keeps them only as far as evidence shows them (cutEvidenceText).
import { cutEvidenceText } from '../evidence';

/** Longer texts are kept as they came. */
const SHARED_UP_TO = 48;

export class SharedTexts {
  readonly #known = new Map<string, string>();

  /** A change item's value as an event keeps it for its evidence: shared when short, cut when long. */
  evidence(text: string | null): string | null {
    return text === null || text.length <= SHARED_UP_TO ? this.share(text) : cutEvidenceText(text);
  }

  share(text: string): string;
  share(text: string | null): string | null;
  share(text: string | null): string | null {
    if (text === null || text.length <= 10 || text.length > SHARED_UP_TO) return text;
    const known = this.#known.get(text);
    if (known !== undefined) return known;
    this.#known.set(text, text);
    return text;
  }
}
