import { EVIDENCE_TEXT_CAP } from '../../../src/ownership/evidence';
import { SharedTexts } from '../../../src/ownership/normalise/shared-texts';

// Copies that are equal but not the same string, as JSON.parse makes them for every change item.
const copy = (text: string) => JSON.parse(JSON.stringify(text)) as string;

describe('shared texts', () => {
  it('hands out one string per distinct short text', () => {
    const texts = new SharedTexts();
    const first = texts.share(copy('Ranked higher'));
    expect(texts.share(copy('Ranked higher'))).toBe(first);
    expect(texts.share(copy('Story point estimate'))).toBe('Story point estimate');
    expect(texts.share(null)).toBeNull();
  });

  it('keeps an evidence text whole up to the cap and cuts it past the cap', () => {
    const texts = new SharedTexts();
    const medium = 'x'.repeat(EVIDENCE_TEXT_CAP);
    expect(texts.evidence(medium)).toBe(medium);
    const long = `${'Given a shopper on billing, when they pay, '.repeat(20)}then it is saved.`;
    const cut = texts.evidence(long) as string;
    expect(cut).toHaveLength(EVIDENCE_TEXT_CAP);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(texts.evidence(null)).toBeNull();
  });
});
