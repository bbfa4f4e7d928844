import { fylkeOf, navRegionOf, type VirksomhetChanged } from '@syfo/contracts';
import { bransjeOf, naering2Of } from './bransjeprogram.constant';
import { supersedes } from './document-version.util';

/**
 * The statistics levels (handbook §9.1 kategorier, plus kommune, fylke and NAV region [DESIGN]) and where an
 * underenhet belongs on each, read from the employer register (VirksomhetChangedEvent).
 */
export const LEVELS = [
  'VIRKSOMHET', // underenhet
  'OVERORDNET_ENHET', // hovedenhet
  'NAERING2',
  'NAERINGSKODE',
  'BRANSJE',
  'SEKTOR',
  'KOMMUNE',
  'FYLKE',
  'NAV_REGION',
  'LAND', // the whole data set: for a computed figure the deployment's region, for a published one the country
] as const;
export type Level = (typeof LEVELS)[number];

/** The code of the LAND level. */
export const LAND_CODE = 'NO';
/**
 * The code a level gets when the register does not (yet) know the underenhet or its kommune's county: such
 * dagsverk still count, under a visible UKJENT row, so every level adds up to LAND.
 */
export const UNKNOWN_CODE = 'UKJENT';

export type VirksomhetFact = Pick<VirksomhetChanged, 'orgnr' | 'hovedenhetOrgnr' | 'naeringskode' | 'sektor' | 'kommunenummer' | 'version' | 'cancelled'>;

/** The newest version of every orgnr the register has announced, withdrawn ones included (they block older versions). */
export type VirksomhetRegister = ReadonlyMap<string, VirksomhetFact>;

/**
 * The register after one event: a higher version replaces, and so does the withdrawal of the version held; anything
 * else is stale or a redelivery and changes nothing (`supersedes`).
 */
export function applyVirksomhet(register: VirksomhetRegister, fact: VirksomhetFact): VirksomhetRegister {
  const held = register.get(fact.orgnr);
  if (held && !supersedes(fact, held)) return register;
  return new Map(register).set(fact.orgnr, fact);
}

/** A unit's code on every level; null where the unit has no row on that level. */
export type UnitCodes = Readonly<Record<Level, string | null>>;

/**
 * Where an underenhet's dagsverk are counted. The register decides the hovedenhet (an arbeidsforhold's own copy
 * would let the unit's parent depend on whose facts are read); a registered hovedenhet counts as its own overordnet
 * enhet. Sektor comes from the hovedenhet when it is registered (§7.1), else from the unit. Without a live register
 * entry the unit counts at VIRKSOMHET and LAND, under UKJENT on the classifying levels, and on neither
 * OVERORDNET_ENHET nor BRANSJE.
 */
export function classifyUnit(orgnr: string, register: VirksomhetRegister): UnitCodes {
  const unit = live(register.get(orgnr));
  if (!unit) {
    return {
      VIRKSOMHET: orgnr,
      OVERORDNET_ENHET: null,
      NAERING2: UNKNOWN_CODE,
      NAERINGSKODE: UNKNOWN_CODE,
      BRANSJE: null,
      SEKTOR: UNKNOWN_CODE,
      KOMMUNE: UNKNOWN_CODE,
      FYLKE: UNKNOWN_CODE,
      NAV_REGION: UNKNOWN_CODE,
      LAND: LAND_CODE,
    };
  }
  const hovedenhet = unit.hovedenhetOrgnr === null ? undefined : live(register.get(unit.hovedenhetOrgnr));
  return {
    VIRKSOMHET: orgnr,
    OVERORDNET_ENHET: unit.hovedenhetOrgnr ?? unit.orgnr,
    NAERING2: naering2Of(unit.naeringskode),
    NAERINGSKODE: unit.naeringskode,
    BRANSJE: bransjeOf(unit.naeringskode),
    SEKTOR: (hovedenhet ?? unit).sektor,
    KOMMUNE: unit.kommunenummer,
    FYLKE: fylkeOf(unit.kommunenummer) ?? UNKNOWN_CODE,
    NAV_REGION: navRegionOf(unit.kommunenummer) ?? UNKNOWN_CODE,
    LAND: LAND_CODE,
  };
}

/**
 * The orgnr whose classification a register change can alter: the orgnr itself, and the underenheter that name
 * it as hovedenhet (they take its sektor).
 */
export function unitsAffectedBy(orgnr: string, register: VirksomhetRegister): Set<string> {
  const affected = new Set([orgnr]);
  for (const unit of register.values()) if (unit.hovedenhetOrgnr === orgnr) affected.add(unit.orgnr);
  return affected;
}

/** The comparison figures an employer sees (§9.1): land, bransje or else næring, sektor; plus kommune, fylke, region. */
export function comparisonCodesOf(orgnr: string, register: VirksomhetRegister): { readonly level: Level; readonly code: string }[] {
  const codes = classifyUnit(orgnr, register);
  const industry: Level = codes.BRANSJE === null ? 'NAERING2' : 'BRANSJE';
  return (['LAND', industry, 'SEKTOR', 'KOMMUNE', 'FYLKE', 'NAV_REGION'] as const).map((level) => ({ level, code: codes[level]! }));
}

function live(fact: VirksomhetFact | undefined): VirksomhetFact | undefined {
  return fact && !fact.cancelled ? fact : undefined;
}
