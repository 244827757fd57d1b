import { distinctNames } from '../../../src/ownership/present/names';

describe('distinctNames', () => {
  it('keeps unique names and tells namesakes apart by the end of their account id, never merging them', () => {
    const names = distinctNames([
      { id: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Alex Kim' },
      { id: '712020:aa11-3f9a', displayName: 'Alex Kim' },
      { id: 'c1', displayName: 'Sam Lee' },
    ]);
    expect([...names.entries()]).toEqual([
      ['5b10ac8d82e05b22cc7d4ef5', 'Alex Kim (…4ef5)'],
      ['712020:aa11-3f9a', 'Alex Kim (…3f9a)'],
      ['c1', 'Sam Lee'],
    ]);
  });

  it('lengthens the suffix until namesakes differ', () => {
    const names = distinctNames([
      { id: 'x-01234', displayName: 'Jo' },
      { id: 'y-01234', displayName: 'Jo' },
    ]);
    expect([names.get('x-01234'), names.get('y-01234')]).toEqual(['Jo (…x-01234)', 'Jo (…y-01234)']);
  });
});
