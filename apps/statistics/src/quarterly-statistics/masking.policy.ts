import { compareText } from './dagsverk.calculator';
import { aggregateKeyOf, sortRows, type AggregateRow } from './statistics.aggregator';
import { classifyUnit, LEVELS, type Level, type VirksomhetRegister } from './unit.classifier';

/**
 * NAV's masking (handbook §9.1) and the protection against difference disclosure the issue adds: a figure resting
 * on fewer than five persons is never shown, neither directly nor as the difference of figures that are shown.
 *
 * Primary masking: a row with `antallPersoner < 5` (exactly 5 is shown).
 *
 * Secondary masking (cell suppression). Rows of one quarter are linked by exact sums: a hovedenhet is the sum of its
 * underenheter, a fylke of its kommuner, LAND of the sektorer, and so on (`SUPPRESSION_HIERARCHIES`). For every
 * such group, parent = Σ children, the rule is:
 *  1. Parent shown: the hidden children H are revealed together, as parent − Σ shown children. H is safe when it
 *     is empty, or it has at least two members and either is the whole group (then it only repeats the parent) or
 *     holds a member resting on five or more persons (then the sum rests on at least that many distinct persons).
 *     Otherwise the smallest shown sibling (fewest persons, then fewest mulige, then code) is masked too; a lone
 *     child equal to its parent takes the parent with it.
 *  2. Parent hidden: if every child is shown, the parent is their sum and would be revealed, so the smallest child
 *     is masked. (A primary-masked parent never has a shown child: a child's persons are a subset of the parent's.)
 * The rules run until nothing changes; masks only grow, so this ends. Rule 1's "at least two" also keeps a
 * secondary mask from being undone by subtraction elsewhere. This is the standard suppression heuristic, not a
 * complete audit of every linear combination of published figures.
 */

export const MIN_PERSONS_SHOWN = 5;

export const MASK_REASONS = ['FEWER_THAN_FIVE_PERSONS', 'DIFFERENCE_DISCLOSURE'] as const;
export type MaskReason = (typeof MASK_REASONS)[number];

export function primaryMaskOf(antallPersoner: number): MaskReason | null {
  return antallPersoner < MIN_PERSONS_SHOWN ? 'FEWER_THAN_FIVE_PERSONS' : null;
}

export interface MaskedAggregateRow extends AggregateRow {
  /** null: the row may be shown. */
  readonly maskReason: MaskReason | null;
}

/**
 * parent = Σ children groups: for each underenhet, its code on `parent` and on the first of `child`'s levels where it
 * has one. Each child code determines the parent code, so the children of a parent are disjoint and cover it.
 */
export interface SuppressionHierarchy {
  readonly parent: Level;
  readonly child: readonly Level[];
}

export const SUPPRESSION_HIERARCHIES: readonly SuppressionHierarchy[] = [
  ...(['OVERORDNET_ENHET', 'NAERINGSKODE', 'NAERING2', 'BRANSJE', 'SEKTOR', 'KOMMUNE', 'FYLKE', 'NAV_REGION', 'LAND'] as const).map(
    (parent): SuppressionHierarchy => ({ parent, child: ['VIRKSOMHET'] }),
  ),
  { parent: 'NAERING2', child: ['NAERINGSKODE'] },
  { parent: 'BRANSJE', child: ['NAERINGSKODE'] },
  // A næring is its bransje (when one lies inside it) plus its other næringskoder: næring − bransje is a difference too.
  { parent: 'NAERING2', child: ['BRANSJE', 'NAERINGSKODE'] },
  { parent: 'FYLKE', child: ['KOMMUNE'] },
  { parent: 'NAV_REGION', child: ['KOMMUNE'] },
  ...(['NAERINGSKODE', 'NAERING2', 'SEKTOR', 'KOMMUNE', 'FYLKE', 'NAV_REGION'] as const).map(
    (child): SuppressionHierarchy => ({ parent: 'LAND', child: [child] }),
  ),
];

interface Node {
  readonly row: AggregateRow;
  reason: MaskReason | null;
}

interface Group {
  readonly parent: Node;
  readonly children: readonly Node[];
}

/**
 * Masks one quarter's computed rows (all levels, as `aggregate` returns them) under the register they were
 * classified with. Pure and independent of the order of `rows`.
 */
export function maskQuarter(rows: readonly AggregateRow[], register: VirksomhetRegister): MaskedAggregateRow[] {
  const quarters = new Set(rows.map((row) => row.quarter));
  if (quarters.size > 1) throw new RangeError(`maskQuarter takes one quarter's rows, got ${[...quarters].join(', ')}`);
  const nodes = new Map<string, Node>();
  for (const row of sortRows([...rows])) nodes.set(aggregateKeyOf(row), { row, reason: primaryMaskOf(row.antallPersoner) });
  const groups = groupsOf([...nodes.values()], nodes, register);

  const groupsOfNode = new Map<Node, Group[]>();
  for (const group of groups) {
    for (const node of [group.parent, ...group.children]) groupsOfNode.set(node, [...(groupsOfNode.get(node) ?? []), group]);
  }
  const pending = [...groups];
  const queued = new Set(groups);
  for (let head = 0; head < pending.length; head++) {
    const group = pending[head]!;
    queued.delete(group);
    const newlyHidden = enforce(group);
    if (!newlyHidden) continue;
    newlyHidden.reason = 'DIFFERENCE_DISCLOSURE';
    for (const affected of groupsOfNode.get(newlyHidden) ?? []) {
      if (!queued.has(affected)) {
        queued.add(affected);
        pending.push(affected);
      }
    }
    // The group itself may need another mask (rule 1 can take two steps).
    if (!queued.has(group)) {
      queued.add(group);
      pending.push(group);
    }
  }
  return [...nodes.values()].map(({ row, reason }) => ({ ...row, maskReason: reason }));
}

/** The node that must be hidden next for the group to be safe, or undefined when it is safe. */
function enforce({ parent, children }: Group): Node | undefined {
  const hidden = children.filter((child) => child.reason !== null);
  const shown = children.filter((child) => child.reason === null);
  if (parent.reason !== null) return hidden.length === 0 ? smallest(shown) : undefined;
  if (hidden.length === 0) return undefined;
  const safe = hidden.length >= 2 && (shown.length === 0 || hidden.some((child) => child.row.antallPersoner >= MIN_PERSONS_SHOWN));
  if (safe) return undefined;
  return shown.length > 0 ? smallest(shown) : parent;
}

function smallest(nodes: readonly Node[]): Node | undefined {
  return [...nodes].sort(
    (a, b) =>
      a.row.antallPersoner - b.row.antallPersoner ||
      (a.row.mulige < b.row.mulige ? -1 : a.row.mulige > b.row.mulige ? 1 : 0) ||
      LEVELS.indexOf(a.row.level) - LEVELS.indexOf(b.row.level) ||
      compareText(a.row.code, b.row.code),
  )[0];
}

function groupsOf(all: readonly Node[], nodes: ReadonlyMap<string, Node>, register: VirksomhetRegister): Group[] {
  const childrenByParent = new Map<string, { parent: Node; children: Set<Node> }>();
  for (const unit of all.filter((node) => node.row.level === 'VIRKSOMHET')) {
    const { quarter, code: orgnr } = unit.row;
    const codes = classifyUnit(orgnr, register);
    SUPPRESSION_HIERARCHIES.forEach((hierarchy, index) => {
      const parentCode = codes[hierarchy.parent];
      const childLevel = hierarchy.child.find((level) => codes[level] !== null);
      if (parentCode === null || childLevel === undefined) return;
      const parent = nodes.get(aggregateKeyOf({ quarter, level: hierarchy.parent, code: parentCode }));
      const child = nodes.get(aggregateKeyOf({ quarter, level: childLevel, code: codes[childLevel]! }));
      if (!parent || !child) throw new Error(`Rows of ${quarter} do not cover ${orgnr}: were they aggregated with another register?`);
      const groupKey = `${index}|${parentCode}`;
      const group = childrenByParent.get(groupKey) ?? { parent, children: new Set<Node>() };
      group.children.add(child);
      childrenByParent.set(groupKey, group);
    });
  }
  return [...childrenByParent.keys()].sort(compareText).map((key) => {
    const { parent, children } = childrenByParent.get(key)!;
    return { parent, children: [...children] };
  });
}
