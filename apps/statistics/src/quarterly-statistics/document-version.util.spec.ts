import { supersedes } from './document-version.util';

describe('supersedes (versions of one case-intake document)', () => {
  const live = (version: number) => ({ version, cancelled: false });
  const withdrawn = (version: number) => ({ version, cancelled: true });

  it('lets a higher version replace, withdrawn or not', () => {
    expect(supersedes(live(3), live(2))).toBe(true);
    expect(supersedes(withdrawn(3), live(2))).toBe(true);
    expect(supersedes(live(3), withdrawn(2))).toBe(true);
  });

  it('lets the withdrawal of the version held replace it, but nothing else at that version', () => {
    expect(supersedes(withdrawn(2), live(2))).toBe(true);
    expect(supersedes(live(2), withdrawn(2))).toBe(false);
    expect(supersedes(live(2), live(2))).toBe(false);
    expect(supersedes(withdrawn(2), withdrawn(2))).toBe(false);
  });

  it('never lets a lower version replace', () => {
    expect(supersedes(withdrawn(1), live(2))).toBe(false);
    expect(supersedes(live(1), live(2))).toBe(false);
  });
});
