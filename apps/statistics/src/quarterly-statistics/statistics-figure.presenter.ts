import { formatDagsverk, type MicroDagsverk } from './dagsverk.calculator';
import { decimalToNumber } from './decimal.util';
import type { MaskReason } from './masking.policy';
import type { Quarter } from './quarter.util';
import type { QuarterFigures, RollingFigures } from './rolling-quarters.calculator';
import { percentageOf, sicknessPercentage } from './sickness-percentage.calculator';
import type { Level } from './unit.classifier';
import { KORTTID_VARIGHETER, LANGTID_VARIGHETER, type Varighet } from './varighet.classifier';

/**
 * What leaves the service (HTTP, gRPC, exports): JSON-safe, masked, and always saying where it came from.
 * A masked figure carries no numbers at all, `antallPersoner` included (§9.1: "erMaskert = true and null numbers").
 */
export const FIGURE_SOURCES = ['COMPUTED', 'PUBLISHED'] as const;
/** COMPUTED: from this region's own facts. PUBLISHED: imported national/sector/industry aggregates. */
export type FigureSource = (typeof FIGURE_SOURCES)[number];

export interface StatisticsFigure {
  readonly source: FigureSource;
  readonly level: Level;
  readonly code: string;
  /** One quarter, or the (up to four) quarters of a rolling figure. */
  readonly quarters: readonly Quarter[];
  readonly erMaskert: boolean;
  readonly maskReason: MaskReason | null;
  /** A quarter's persons; for a rolling figure the most persons in any of its quarters. */
  readonly antallPersoner: number | null;
  /** Exact decimal text, e.g. '123.4'. */
  readonly tapteDagsverk: string | null;
  readonly muligeDagsverk: string | null;
  readonly tapteDagsverkGradert: string | null;
  /** Sick-leave percentage with one decimal; null when masked or when there are no mulige dagsverk. */
  readonly prosent: number | null;
  readonly prosentUnavailable: 'MASKED' | 'ZERO_MULIGE_DAGSVERK' | null;
  /** Graded share of the tapte dagsverk, in percent. */
  readonly gradertProsent: number | null;
  /** Korttid (A+B) and langtid (C–F) tapte dagsverk over all mulige dagsverk, in percent. */
  readonly korttidProsent: number | null;
  readonly langtidProsent: number | null;
}

export function quarterFigure(row: QuarterFigures, source: FigureSource): StatisticsFigure {
  return present(source, row, [row.quarter], row.antallPersoner);
}

export function rollingFigure(rolling: RollingFigures, source: FigureSource): StatisticsFigure {
  return present(source, rolling, rolling.quarters, rolling.maxAntallPersoner);
}

function present(
  source: FigureSource,
  figures: Omit<QuarterFigures, 'quarter' | 'antallPersoner'>,
  quarters: readonly Quarter[],
  antallPersoner: number,
): StatisticsFigure {
  const { level, code, maskReason } = figures;
  if (maskReason !== null) {
    return {
      source,
      level,
      code,
      quarters,
      erMaskert: true,
      maskReason,
      antallPersoner: null,
      tapteDagsverk: null,
      muligeDagsverk: null,
      tapteDagsverkGradert: null,
      prosent: null,
      prosentUnavailable: 'MASKED',
      gradertProsent: null,
      korttidProsent: null,
      langtidProsent: null,
    };
  }
  const prosent = sicknessPercentage(figures.tapte, figures.mulige);
  const varighet = figures.tapteVarighet;
  return {
    source,
    level,
    code,
    quarters,
    erMaskert: false,
    maskReason: null,
    antallPersoner,
    tapteDagsverk: formatDagsverk(figures.tapte),
    muligeDagsverk: formatDagsverk(figures.mulige),
    tapteDagsverkGradert: figures.tapteGradert === null ? null : formatDagsverk(figures.tapteGradert),
    prosent: prosent.ok ? decimalToNumber(prosent.prosent) : null,
    prosentUnavailable: prosent.ok ? null : 'ZERO_MULIGE_DAGSVERK',
    gradertProsent: figures.tapteGradert === null ? null : percentNumber(figures.tapteGradert, figures.tapte),
    korttidProsent: varighet === null ? null : percentNumber(sumOf(varighet, KORTTID_VARIGHETER), figures.mulige),
    langtidProsent: varighet === null ? null : percentNumber(sumOf(varighet, LANGTID_VARIGHETER), figures.mulige),
  };
}

function percentNumber(teller: MicroDagsverk, nevner: MicroDagsverk): number | null {
  const result = percentageOf(teller, nevner);
  return result.ok ? decimalToNumber(result.prosent) : null;
}

function sumOf(varighet: Readonly<Record<Varighet, MicroDagsverk>>, classes: readonly Varighet[]): MicroDagsverk {
  return classes.reduce((sum, varighetClass) => sum + varighet[varighetClass], 0n);
}
