import { FYLKER, REGIONS, SEKTORER } from '@syfo/contracts';
import { checkOrgnr } from '@syfo/norwegian-ids';
import { BRANSJER } from './bransjeprogram.constant';
import { parseDagsverk, type MicroDagsverk } from './dagsverk.calculator';
import { primaryMaskOf } from './masking.policy';
import { formatQuarter, type Quarter } from './quarter.util';
import type { QuarterFigures } from './rolling-quarters.calculator';
import { LAND_CODE, LEVELS, type Level } from './unit.classifier';

/**
 * Published aggregates (national, sector, industry… figures a region cannot compute from its own people), imported
 * from a file or a topic and shown beside the computed ones, tagged PUBLISHED.
 *
 * File format, strictly:
 * - UTF-8 (a leading byte-order mark is ignored); lines end in LF or CRLF; the last line may end with one; no blank
 *   lines; fields separated by ',' with no quoting and no surrounding spaces.
 * - Line 1 is exactly `source,year,quarter,level,code,tapteDagsverk,muligeDagsverk,antallPersoner`.
 * - source: the publisher, 1–64 of [A-Za-z0-9_.-] (e.g. NAV, SSB).
 * - year: four digits; quarter: 1–4.
 * - level: one of LEVELS. code, by level: VIRKSOMHET and OVERORDNET_ENHET a valid orgnr; NAERING2 'NN';
 *   NAERINGSKODE 'NN.NNN'; BRANSJE one of BRANSJER; SEKTOR one of STATLIG, KOMMUNAL, PRIVAT; KOMMUNE 'NNNN';
 *   FYLKE a 2024 fylkesnummer; NAV_REGION one of the platform's region codes (e.g. vest-viken); LAND 'NO'.
 * - tapteDagsverk, muligeDagsverk: non-negative decimals with '.' and at most six decimals; tapte ≤ mulige.
 *   mulige may be 0: the figure then has no percentage (it is not rejected, as it is a fact about the quarter).
 * - antallPersoner: a non-negative whole number (figures under five are imported and masked like computed ones).
 * - (source, year, quarter, level, code) occurs once.
 * Every error is reported, each with its line, field and rule; one error rejects the whole file.
 */
export const PUBLISHED_COLUMNS = ['source', 'year', 'quarter', 'level', 'code', 'tapteDagsverk', 'muligeDagsverk', 'antallPersoner'] as const;
export type PublishedColumn = (typeof PUBLISHED_COLUMNS)[number];

export const PUBLISHED_HEADER = PUBLISHED_COLUMNS.join(',');

export interface PublishedAggregateRow {
  readonly source: 'PUBLISHED';
  readonly publisher: string;
  readonly quarter: Quarter;
  readonly level: Level;
  readonly code: string;
  readonly tapte: MicroDagsverk;
  readonly mulige: MicroDagsverk;
  readonly antallPersoner: number;
}

export const PUBLISHED_RULES = [
  'header',
  'blank_line',
  'field_count',
  'format',
  'level',
  'code',
  'decimal',
  'integer',
  'tapte_exceeds_mulige',
  'duplicate',
] as const;
export type PublishedRule = (typeof PUBLISHED_RULES)[number];

export interface PublishedFieldError {
  readonly field: PublishedColumn | null;
  readonly rule: PublishedRule;
  readonly message: string;
}

export interface PublishedParseError extends PublishedFieldError {
  /** 1-based line number in the file. */
  readonly line: number;
}

export type PublishedRecordResult = { readonly ok: true; readonly row: PublishedAggregateRow } | { readonly ok: false; readonly errors: readonly PublishedFieldError[] };
export type PublishedParseResult = { readonly ok: true; readonly rows: readonly PublishedAggregateRow[] } | { readonly ok: false; readonly errors: readonly PublishedParseError[] };

const CODE_RULES: Readonly<Record<Level, { readonly accepts: (code: string) => boolean; readonly expected: string }>> = {
  VIRKSOMHET: { accepts: (code) => checkOrgnr(code).ok, expected: 'a valid organisasjonsnummer' },
  OVERORDNET_ENHET: { accepts: (code) => checkOrgnr(code).ok, expected: 'a valid organisasjonsnummer' },
  NAERING2: { accepts: (code) => /^\d{2}$/.test(code), expected: 'a two-digit næring (NN)' },
  NAERINGSKODE: { accepts: (code) => /^\d{2}\.\d{3}$/.test(code), expected: 'a five-digit næringskode (NN.NNN)' },
  BRANSJE: { accepts: (code) => (BRANSJER as readonly string[]).includes(code), expected: `one of ${BRANSJER.join(', ')}` },
  SEKTOR: { accepts: (code) => (SEKTORER as readonly string[]).includes(code), expected: `one of ${SEKTORER.join(', ')}` },
  KOMMUNE: { accepts: (code) => /^\d{4}$/.test(code), expected: 'a four-digit kommunenummer' },
  FYLKE: { accepts: (code) => code in FYLKER, expected: 'a fylkesnummer of the 2024 county structure' },
  NAV_REGION: { accepts: (code) => (REGIONS as readonly string[]).includes(code), expected: `one of ${REGIONS.join(', ')}` },
  LAND: { accepts: (code) => code === LAND_CODE, expected: `'${LAND_CODE}'` },
};

/** Validates one record (a CSV line or a topic message with the same fields). */
export function parsePublishedAggregateRecord(record: Readonly<Record<PublishedColumn, string>>): PublishedRecordResult {
  const errors: PublishedFieldError[] = [];
  const fail = (field: PublishedColumn, rule: PublishedRule, message: string) => errors.push({ field, rule, message });

  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(record.source)) fail('source', 'format', 'must be 1–64 of A–Z, a–z, 0–9, _ . -');
  if (!/^\d{4}$/.test(record.year)) fail('year', 'format', 'must be a four-digit year');
  if (!/^[1-4]$/.test(record.quarter)) fail('quarter', 'format', 'must be 1, 2, 3 or 4');
  const level = (LEVELS as readonly string[]).includes(record.level) ? (record.level as Level) : undefined;
  if (level === undefined) fail('level', 'level', `must be one of ${LEVELS.join(', ')}`);
  else if (!CODE_RULES[level].accepts(record.code)) fail('code', 'code', `must be ${CODE_RULES[level].expected} for level ${level}`);
  const tapte = dagsverkOf(record.tapteDagsverk, (message) => fail('tapteDagsverk', 'decimal', message));
  const mulige = dagsverkOf(record.muligeDagsverk, (message) => fail('muligeDagsverk', 'decimal', message));
  if (tapte !== undefined && mulige !== undefined && tapte > mulige) {
    fail('tapteDagsverk', 'tapte_exceeds_mulige', 'must not exceed muligeDagsverk');
  }
  const antallPersoner = /^\d{1,15}$/.test(record.antallPersoner) ? Number(record.antallPersoner) : undefined;
  if (antallPersoner === undefined) fail('antallPersoner', 'integer', 'must be a non-negative whole number');

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    row: {
      source: 'PUBLISHED',
      publisher: record.source,
      quarter: formatQuarter(Number(record.year), Number(record.quarter)),
      level: level!,
      code: record.code,
      tapte: tapte!,
      mulige: mulige!,
      antallPersoner: antallPersoner!,
    },
  };
}

export function parsePublishedAggregatesCsv(text: string): PublishedParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (lines[0] !== PUBLISHED_HEADER) {
    return { ok: false, errors: [{ line: 1, field: null, rule: 'header', message: `the first line must be exactly '${PUBLISHED_HEADER}'` }] };
  }
  const errors: PublishedParseError[] = [];
  const rows: PublishedAggregateRow[] = [];
  const firstLineOfKey = new Map<string, number>();
  lines.slice(1).forEach((content, index) => {
    const line = index + 2;
    if (content === '') {
      errors.push({ line, field: null, rule: 'blank_line', message: 'blank lines are not allowed' });
      return;
    }
    const values = content.split(',');
    if (values.length !== PUBLISHED_COLUMNS.length) {
      errors.push({ line, field: null, rule: 'field_count', message: `has ${values.length} fields, expected ${PUBLISHED_COLUMNS.length}` });
      return;
    }
    const record = Object.fromEntries(PUBLISHED_COLUMNS.map((column, position) => [column, values[position]!])) as Record<PublishedColumn, string>;
    const result = parsePublishedAggregateRecord(record);
    if (!result.ok) {
      errors.push(...result.errors.map((error) => ({ line, ...error })));
      return;
    }
    const key = `${result.row.publisher}|${result.row.quarter}|${result.row.level}|${result.row.code}`;
    const first = firstLineOfKey.get(key);
    if (first !== undefined) {
      errors.push({ line, field: null, rule: 'duplicate', message: `repeats the source, year, quarter, level and code of line ${first}` });
      return;
    }
    firstLineOfKey.set(key, line);
    rows.push(result.row);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/** A published row as figures: masked like computed ones (fewer than five persons), without graded/varighet breakdown. */
export function publishedQuarterFigures(row: PublishedAggregateRow): QuarterFigures {
  return {
    quarter: row.quarter,
    level: row.level,
    code: row.code,
    antallPersoner: row.antallPersoner,
    tapte: row.tapte,
    mulige: row.mulige,
    tapteGradert: null,
    tapteVarighet: null,
    maskReason: primaryMaskOf(row.antallPersoner),
  };
}

function dagsverkOf(text: string, fail: (message: string) => void): MicroDagsverk | undefined {
  if (!/^\d{1,15}(\.\d{1,6})?$/.test(text)) {
    fail("must be a non-negative decimal with '.' and at most six decimals");
    return undefined;
  }
  return parseDagsverk(text);
}
