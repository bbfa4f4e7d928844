import { employerRightsOf } from './employer-statistics.http.controller';

describe('the employer rights header set by the API gateway', () => {
  it('grants the valid organisasjonsnumre it lists, trimmed', () => {
    expect(employerRightsOf('910000012, 910000020')).toEqual(new Set(['910000012', '910000020']));
  });

  it('grants nothing when absent or empty, and nothing for entries that are not orgnrs', () => {
    expect(employerRightsOf(undefined)).toEqual(new Set());
    expect(employerRightsOf('')).toEqual(new Set());
    // 910000013: wrong control digit; '*' and 'all' are not wildcards.
    expect(employerRightsOf('910000013,*,all,91000001')).toEqual(new Set());
  });
});
