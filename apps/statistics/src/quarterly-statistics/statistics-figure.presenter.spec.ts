import { ZERO_VARIGHET } from './dagsverk.calculator';
import type { QuarterFigures } from './rolling-quarters.calculator';
import { rollingFourQuarters } from './rolling-quarters.calculator';
import { quarterFigure, rollingFigure } from './statistics-figure.presenter';
import { dagsverk } from './statistics.fixtures';

const computed: QuarterFigures = {
  quarter: '2024-Q1',
  level: 'NAERING2',
  code: '86',
  antallPersoner: 40,
  tapte: dagsverk('123.4'),
  mulige: dagsverk('2345.6'),
  tapteGradert: dagsverk('30.85'),
  // korttid A+B = 40 + 20 = 60, langtid C–F = 63.4
  tapteVarighet: { ...ZERO_VARIGHET, A: dagsverk('40'), B: dagsverk('20'), C: dagsverk('33.4'), F: dagsverk('30') },
  maskReason: null,
};

describe('presenting figures', () => {
  it('shows a computed quarter with its source, exact dagsverk and NAV-rounded percentages', () => {
    expect(quarterFigure(computed, 'COMPUTED')).toEqual({
      source: 'COMPUTED',
      level: 'NAERING2',
      code: '86',
      quarters: ['2024-Q1'],
      erMaskert: false,
      maskReason: null,
      antallPersoner: 40,
      tapteDagsverk: '123.4',
      muligeDagsverk: '2345.6',
      tapteDagsverkGradert: '30.85',
      prosent: 5.3, // 123.4 / 2345.6 = 0.05261 → 0.053
      prosentUnavailable: null,
      gradertProsent: 25, // 30.85 / 123.4 = 0.25 → 25.0
      korttidProsent: 2.6, // 60 / 2345.6 = 0.02558 → 0.026
      langtidProsent: 2.7, // 63.4 / 2345.6 = 0.02703 → 0.027
    });
  });

  it('gives a masked figure no numbers at all', () => {
    const figure = quarterFigure({ ...computed, antallPersoner: 4, maskReason: 'FEWER_THAN_FIVE_PERSONS' }, 'COMPUTED');
    expect(figure).toMatchObject({ erMaskert: true, maskReason: 'FEWER_THAN_FIVE_PERSONS', prosentUnavailable: 'MASKED' });
    for (const field of ['antallPersoner', 'tapteDagsverk', 'muligeDagsverk', 'tapteDagsverkGradert', 'prosent', 'gradertProsent', 'korttidProsent', 'langtidProsent'] as const) {
      expect(figure[field]).toBeNull();
    }
  });

  it('says why a published quarter without mulige dagsverk has no percentage, and has no breakdown', () => {
    const published = { ...computed, tapte: 0n, mulige: 0n, tapteGradert: null, tapteVarighet: null };
    expect(quarterFigure(published, 'PUBLISHED')).toMatchObject({
      source: 'PUBLISHED',
      prosent: null,
      prosentUnavailable: 'ZERO_MULIGE_DAGSVERK',
      tapteDagsverkGradert: null,
      gradertProsent: null,
      korttidProsent: null,
    });
  });

  it('has no graded share when nothing was lost', () => {
    expect(quarterFigure({ ...computed, tapte: 0n, tapteGradert: 0n, tapteVarighet: ZERO_VARIGHET }, 'COMPUTED')).toMatchObject({ prosent: 0, gradertProsent: null, korttidProsent: 0 });
  });

  it('shows a rolling figure with its quarters and the most persons in one of them', () => {
    const rolling = rollingFourQuarters([computed, { ...computed, quarter: '2024-Q2', antallPersoner: 44 }], '2024-Q2')!;
    expect(rollingFigure(rolling, 'COMPUTED')).toMatchObject({ quarters: ['2024-Q1', '2024-Q2'], antallPersoner: 44, tapteDagsverk: '246.8', prosent: 5.3 });
  });
});
