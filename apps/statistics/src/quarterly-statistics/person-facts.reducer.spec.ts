import { applyArbeidsforhold, applySickNote, applyTilfeller, EMPTY_PERSON_FACTS } from './person-facts.reducer';
import { arbeidsforhold, full, sickNote, tilfelle, UNIT_A, UNIT_B } from './statistics.fixtures';

describe('folding a person’s facts', () => {
  it('keeps the latest message per arbeidsforhold, a cancellation included', () => {
    let state = applyArbeidsforhold(EMPTY_PERSON_FACTS, arbeidsforhold(UNIT_A, '2024-01-01', null, { arbeidsforholdId: 'x' }));
    state = applyArbeidsforhold(state, arbeidsforhold(UNIT_B, '2024-02-01', null, { arbeidsforholdId: 'y' }));
    state = applyArbeidsforhold(state, arbeidsforhold(UNIT_A, '2024-01-01', '2024-06-30', { arbeidsforholdId: 'x', cancelled: true }));
    expect(state.arbeidsforhold.map((fact) => [fact.arbeidsforholdId, fact.tom, fact.cancelled])).toEqual([
      ['y', null, false],
      ['x', '2024-06-30', true],
    ]);
  });

  it('keeps the highest version of a sick note and ignores redeliveries and overtaken corrections', () => {
    const v2 = sickNote([full('2024-04-02', '2024-04-12')], { version: 2 });
    const state = applySickNote(applySickNote(EMPTY_PERSON_FACTS, sickNote([full('2024-03-18', '2024-03-27')])), v2);
    expect(state.sickNotes).toEqual([v2]);
    expect(applySickNote(state, sickNote([full('2024-03-01', '2024-03-05')], { version: 1 }))).toBe(state);
    expect(applySickNote(state, v2)).toBe(state); // a redelivery
    expect(applySickNote(state, { ...v2, version: 3, cancelled: true }).sickNotes).toEqual([{ ...v2, version: 3, cancelled: true }]);
  });

  it('takes a withdrawal at the version it withdraws, as case-intake publishes it, and never undoes it', () => {
    const v2 = sickNote([full('2024-04-02', '2024-04-12')], { version: 2 });
    const withdrawn = applySickNote(applySickNote(EMPTY_PERSON_FACTS, v2), { ...v2, cancelled: true });
    expect(withdrawn.sickNotes).toEqual([{ ...v2, cancelled: true }]);
    expect(applySickNote(withdrawn, v2)).toBe(withdrawn); // the live version redelivered after its withdrawal
    expect(applySickNote(withdrawn, { ...v2, version: 1, cancelled: true })).toBe(withdrawn);
  });

  it('replaces the whole tilfelle list with a newer revision only', () => {
    const state = applyTilfeller(EMPTY_PERSON_FACTS, [tilfelle('2024-03-18', '2024-03-27')], 2);
    expect(applyTilfeller(state, [], 1)).toBe(state);
    expect(applyTilfeller(state, [], 3)).toEqual({ ...state, tilfeller: [], tilfelleRevision: 3 });
  });
});
