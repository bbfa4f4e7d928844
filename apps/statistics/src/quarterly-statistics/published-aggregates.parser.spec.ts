import { parsePublishedAggregatesCsv, publishedQuarterFigures, PUBLISHED_HEADER } from './published-aggregates.parser';
import { quarterFigure } from './statistics-figure.presenter';
import { dagsverk } from './statistics.fixtures';

const csv = (...lines: string[]) => [PUBLISHED_HEADER, ...lines].join('\n');
const errorsOf = (text: string) => {
  const result = parsePublishedAggregatesCsv(text);
  return result.ok ? [] : result.errors.map(({ line, field, rule }) => ({ line, field, rule }));
};

describe('published aggregates', () => {
  it('reads a file (BOM, CRLF, final line break) into rows tagged PUBLISHED', () => {
    const text = `\uFEFF${PUBLISHED_HEADER}\r\nNAV,2024,2,LAND,NO,8123456.78,150000000,2860000\r\nSSB,2024,2,BRANSJE,SYKEHUS,410000.5,6000000,110000\r\n`;
    expect(parsePublishedAggregatesCsv(text)).toEqual({
      ok: true,
      rows: [
        { source: 'PUBLISHED', publisher: 'NAV', quarter: '2024-Q2', level: 'LAND', code: 'NO', tapte: dagsverk('8123456.78'), mulige: dagsverk('150000000'), antallPersoner: 2_860_000 },
        { source: 'PUBLISHED', publisher: 'SSB', quarter: '2024-Q2', level: 'BRANSJE', code: 'SYKEHUS', tapte: dagsverk('410000.5'), mulige: dagsverk('6000000'), antallPersoner: 110_000 },
      ],
    });
  });

  it('accepts every level’s code form', () => {
    const result = parsePublishedAggregatesCsv(
      csv(
        'NAV,2024,1,VIRKSOMHET,910000012,1,10,5',
        'NAV,2024,1,OVERORDNET_ENHET,810000015,1,10,5',
        'NAV,2024,1,NAERING2,86,1,10,5',
        'NAV,2024,1,NAERINGSKODE,86.101,1,10,5',
        'NAV,2024,1,SEKTOR,KOMMUNAL,1,10,5',
        'NAV,2024,1,KOMMUNE,4601,1,10,5',
        'NAV,2024,1,FYLKE,46,1,10,5',
        'NAV,2024,1,NAV_REGION,vest-viken,1,10,5',
      ),
    );
    expect(result.ok && result.rows.length).toBe(8);
  });

  it('rejects a file whose first line is not the header', () => {
    expect(errorsOf('source,year,quarter\nNAV,2024,1')).toEqual([{ line: 1, field: null, rule: 'header' }]);
    expect(errorsOf('')).toEqual([{ line: 1, field: null, rule: 'header' }]);
  });

  it('reports each broken line with its field and rule, and rejects the whole file', () => {
    expect(
      errorsOf(
        csv(
          'NAV,2024,1,LAND,NO,1,10,5', // line 2: fine
          '', // line 3
          'NAV,2024,1,LAND,NO,1,10', // line 4
          'N A V,24,5,LAND,NO,1,10,5', // line 5
          'NAV,2024,1,REGION,vest,1,10,5', // line 6
          'NAV,2024,1,NAERINGSKODE,86101,1,10,5', // line 7
          'NAV,2024,1,VIRKSOMHET,910000013,1,10,5', // line 8: control digit
          'NAV,2024,1,FYLKE,30,1,10,5', // line 9: Viken is not a 2024 county
          'NAV,2024,1,LAND,SE,1,10,5', // line 10
          'NAV,2024,1,LAND,NO,"1,5",10,5', // line 11
          'NAV,2024,1,SEKTOR,KOMMUNAL,1.1234567,-10,4.5', // line 12
          'NAV,2024,1,KOMMUNE,4601,10.5,10,5', // line 13
          'NAV,2024,1,LAND,NO,2,20,50', // line 14: repeats line 2
        ),
      ),
    ).toEqual([
      { line: 3, field: null, rule: 'blank_line' },
      { line: 4, field: null, rule: 'field_count' },
      { line: 5, field: 'source', rule: 'format' },
      { line: 5, field: 'year', rule: 'format' },
      { line: 5, field: 'quarter', rule: 'format' },
      { line: 6, field: 'level', rule: 'level' },
      { line: 7, field: 'code', rule: 'code' },
      { line: 8, field: 'code', rule: 'code' },
      { line: 9, field: 'code', rule: 'code' },
      { line: 10, field: 'code', rule: 'code' },
      { line: 11, field: null, rule: 'field_count' },
      { line: 12, field: 'tapteDagsverk', rule: 'decimal' },
      { line: 12, field: 'muligeDagsverk', rule: 'decimal' },
      { line: 12, field: 'antallPersoner', rule: 'integer' },
      { line: 13, field: 'tapteDagsverk', rule: 'tapte_exceeds_mulige' },
      { line: 14, field: null, rule: 'duplicate' },
    ]);
  });

  it('names the first line of a duplicate and what a field must be', () => {
    const result = parsePublishedAggregatesCsv(csv('NAV,2024,1,LAND,NO,1,10,5', 'NAV,2024,1,NAERING2,861,1,10,5', 'NAV,2024,1,LAND,NO,1,10,5'));
    expect(result.ok ? [] : result.errors.map((error) => error.message)).toEqual([
      'must be a two-digit næring (NN) for level NAERING2',
      'repeats the source, year, quarter, level and code of line 2',
    ]);
  });

  it('keeps the same figures apart when they come from different publishers', () => {
    expect(parsePublishedAggregatesCsv(csv('NAV,2024,1,LAND,NO,1,10,5', 'SSB,2024,1,LAND,NO,1,10,5')).ok).toBe(true);
  });

  it('imports a quarter with zero mulige dagsverk, which then has no percentage', () => {
    const result = parsePublishedAggregatesCsv(csv('NAV,2024,1,KOMMUNE,4601,0,0,7'));
    if (!result.ok) throw new Error('expected the file to parse');
    expect(quarterFigure(publishedQuarterFigures(result.rows[0]!), 'PUBLISHED')).toMatchObject({ prosent: null, prosentUnavailable: 'ZERO_MULIGE_DAGSVERK', erMaskert: false });
  });

  it('masks a published figure on fewer than five persons like a computed one', () => {
    const result = parsePublishedAggregatesCsv(csv('NAV,2024,1,KOMMUNE,4601,1,10,4', 'NAV,2024,1,KOMMUNE,4602,1,10,5'));
    if (!result.ok) throw new Error('expected the file to parse');
    expect(result.rows.map((row) => publishedQuarterFigures(row).maskReason)).toEqual(['FEWER_THAN_FIVE_PERSONS', null]);
  });
});
