import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { KommunenummerSchema, LocalDateSchema, OrgnrSchema, statisticsFollowUpV1 as api } from '@syfo/contracts';
import { daysBetween, osloDate } from '@syfo/local-date';
import { CLOCK, emptyToUndefined, enumName, parseRequest, type Clock } from '@syfo/platform';
import { z } from 'zod';

import { deadlineCompliance, KPI_MILESTONES } from './deadline-compliance.calculator';
import { FollowUpFiguresRepository, UNIT_LEVELS } from './follow-up-figures.repository';
import { isIsoWeek, isoWeeksBetween, mondayOfIsoWeek, sundayOfIsoWeek } from './iso-week.util';
import { BASELINE_MODES, openCaseSeries, weeksToCount, type Baseline } from './open-case-series.calculator';
import { countOpenCases } from './open-case.calculator';
import { FUNNEL_RULE_SETS, SCREENING_FUNNELS, screeningFunnel } from './screening-funnel.calculator';
import { workload, type Load } from './workload.calculator';

const MAX_SERIES_WEEKS = 156;
const MAX_PERIOD_DAYS = 366;

const IsoWeekSchema = z.string().refine(isIsoWeek, { message: 'must be an ISO week as YYYY-Www that its year has', params: { rule: 'iso_week.format' } });
const EnhetSchema = z.string().regex(/^\d{4}$/, 'must be a four-digit enhet number');
const UNIT_CODES = { VIRKSOMHET: OrgnrSchema, KOMMUNE: KommunenummerSchema, TEAM: z.guid({ error: 'must be a team id (UUID)' }) } as const;

function checkWeekSpan(ctx: z.RefinementCtx, from: string, to: string, field: string): void {
  if (!isIsoWeek(from) || !isIsoWeek(to)) return; // already reported
  if (to < from) ctx.addIssue({ code: 'custom', path: [field], message: 'must not be before the first week', params: { rule: 'week.order' } });
  else if (isoWeeksBetween(from, to).length > MAX_SERIES_WEEKS) {
    ctx.addIssue({ code: 'custom', path: [field], message: `must be at most ${MAX_SERIES_WEEKS} weeks after the first`, params: { rule: 'week.span' } });
  }
}

const SeriesSchema = z
  .strictObject({
    unit: z.enum(UNIT_LEVELS, { error: 'is required: VIRKSOMHET, KOMMUNE or TEAM' }),
    code: z.string(),
    fromWeek: IsoWeekSchema,
    toWeek: IsoWeekSchema,
    baselineMode: z.enum(BASELINE_MODES, { error: `is required: ${BASELINE_MODES.join(', ')}` }),
    referenceWeek: IsoWeekSchema.optional(),
    referenceFromWeek: IsoWeekSchema.optional(),
    referenceToWeek: IsoWeekSchema.optional(),
  })
  .superRefine((request, ctx) => {
    for (const issue of UNIT_CODES[request.unit]?.safeParse(request.code).error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: issue.message, params: { rule: issue.code === 'custom' ? String(issue.params?.['rule']) : `code.${request.unit.toLowerCase()}` } });
    }
    checkWeekSpan(ctx, request.fromWeek, request.toWeek, 'toWeek');
    const fixed = request.baselineMode === 'FIXED_REFERENCE_WEEK';
    const period = request.baselineMode === 'REFERENCE_PERIOD_MEAN';
    if (fixed && request.referenceWeek === undefined) {
      ctx.addIssue({ code: 'custom', path: ['referenceWeek'], message: 'is required for FIXED_REFERENCE_WEEK', params: { rule: 'baseline.reference_week_required' } });
    }
    if (!fixed && request.referenceWeek !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['referenceWeek'], message: 'is only for FIXED_REFERENCE_WEEK', params: { rule: 'baseline.reference_week_forbidden' } });
    }
    for (const field of ['referenceFromWeek', 'referenceToWeek'] as const) {
      if (period && request[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'is required for REFERENCE_PERIOD_MEAN', params: { rule: 'baseline.reference_period_required' } });
      }
      if (!period && request[field] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'is only for REFERENCE_PERIOD_MEAN', params: { rule: 'baseline.reference_period_forbidden' } });
      }
    }
    if (period && request.referenceFromWeek && request.referenceToWeek) checkWeekSpan(ctx, request.referenceFromWeek, request.referenceToWeek, 'referenceToWeek');
  });

const PeriodFields = { from: LocalDateSchema, to: LocalDateSchema, enhet: EnhetSchema.optional() };

function checkPeriod(request: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (!LocalDateSchema.safeParse(request.from).success || !LocalDateSchema.safeParse(request.to).success) return; // already reported
  if (request.to < request.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from', params: { rule: 'period.order' } });
  else if (daysBetween(request.from, request.to) >= MAX_PERIOD_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${MAX_PERIOD_DAYS} days from from, both included`, params: { rule: 'period.span' } });
  }
}

const ComplianceSchema = z.strictObject(PeriodFields).superRefine(checkPeriod);
const FunnelSchema = z.strictObject({ ...PeriodFields, ruleSet: z.enum(FUNNEL_RULE_SETS, { error: `must be one of ${FUNNEL_RULE_SETS.join(', ')}` }) }).superRefine(checkPeriod);
const WorkloadSchema = z.strictObject({ enhet: EnhetSchema.optional() });

const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;

@Controller()
export class FollowUpFiguresGrpcController implements api.FollowUpFiguresService {
  public constructor(
    private readonly repository: FollowUpFiguresRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod('FollowUpFiguresService', 'GetOpenCaseSeries')
  public async GetOpenCaseSeries(request: api.GetOpenCaseSeriesRequest): Promise<api.GetOpenCaseSeriesResponse> {
    const parsed = parseRequest(SeriesSchema, {
      unit: enumName(request.unit, 'OPEN_CASE_UNIT_'),
      code: request.code ?? '',
      fromWeek: request.fromWeek ?? '',
      toWeek: request.toWeek ?? '',
      baselineMode: enumName(request.baselineMode, 'BASELINE_MODE_'),
      referenceWeek: emptyToUndefined(request.referenceWeek),
      referenceFromWeek: emptyToUndefined(request.referenceFromWeek),
      referenceToWeek: emptyToUndefined(request.referenceToWeek),
    });
    const baseline: Baseline =
      parsed.baselineMode === 'FIXED_REFERENCE_WEEK'
        ? { mode: parsed.baselineMode, referenceWeek: parsed.referenceWeek! }
        : parsed.baselineMode === 'REFERENCE_PERIOD_MEAN'
          ? { mode: parsed.baselineMode, referenceFrom: parsed.referenceFromWeek!, referenceTo: parsed.referenceToWeek! }
          : { mode: parsed.baselineMode };
    const series = isoWeeksBetween(parsed.fromWeek, parsed.toWeek);
    const counted = weeksToCount(series, baseline);
    const orgnrs = await this.repository.unitOrgnrs(parsed.unit, parsed.code);
    const persons = await this.repository.personCases(orgnrs, mondayOfIsoWeek(counted[0]!)!, sundayOfIsoWeek(counted.at(-1)!));
    const result = openCaseSeries(series, countOpenCases(persons, new Set(orgnrs), counted), baseline);
    return {
      unit: request.unit,
      code: parsed.code,
      baselineMode: request.baselineMode,
      referenceWeek: parsed.referenceWeek ?? '',
      referenceFromWeek: parsed.referenceFromWeek ?? '',
      referenceToWeek: parsed.referenceToWeek ?? '',
      weeks: result.points.map((point) => ({
        week: point.week,
        count: orUndefined(point.count),
        fteWeighted: orUndefined(point.fteWeighted),
        masked: point.masked,
        baselineWeek: point.baselineWeek ?? '',
        baseline: orUndefined(point.baseline),
        baselineMasked: point.baselineMasked,
        changePercent: orUndefined(point.changePercent),
      })),
      minimum: orUndefined(result.minimum),
      latest: orUndefined(result.latest),
      meanChangePercent: orUndefined(result.meanChangePercent),
      weeksInMean: result.weeksInMean,
    };
  }

  @GrpcMethod('FollowUpFiguresService', 'GetDeadlineCompliance')
  public async GetDeadlineCompliance(request: api.GetDeadlineComplianceRequest): Promise<api.GetDeadlineComplianceResponse> {
    const { from, to, enhet } = parseRequest(ComplianceSchema, { from: request.from ?? '', to: request.to ?? '', enhet: emptyToUndefined(request.enhet) });
    const facts = await this.repository.milestones(
      KPI_MILESTONES.map((kpi) => kpi.milestone),
      from,
      to,
      enhet,
    );
    return {
      rows: deadlineCompliance(facts).map((row) => ({
        enhet: row.enhet,
        milestone: row.milestone,
        byWeek: row.byWeek,
        ...(row.counts ?? {}),
        metOnTimePercent: orUndefined(row.metOnTimePercent),
        masked: row.masked,
      })),
    };
  }

  @GrpcMethod('FollowUpFiguresService', 'GetScreeningFunnel')
  public async GetScreeningFunnel(request: api.GetScreeningFunnelRequest): Promise<api.GetScreeningFunnelResponse> {
    const { ruleSet, from, to, enhet } = parseRequest(FunnelSchema, {
      ruleSet: request.ruleSet ?? '',
      from: request.from ?? '',
      to: request.to ?? '',
      enhet: emptyToUndefined(request.enhet),
    });
    const funnel = SCREENING_FUNNELS[ruleSet];
    const [decisions, items] = await Promise.all([
      this.repository.decisions(ruleSet),
      this.repository.completedItems([funnel.questionnaireItem, funnel.contactItem], ruleSet),
    ]);
    const result = screeningFunnel(ruleSet, decisions, items, { from, to, ...(enhet === undefined ? {} : { enhet }) });
    return {
      ruleSet,
      ...(result.counts ?? {}),
      answeredPercent: orUndefined(result.answeredPercent),
      flaggedPercent: orUndefined(result.flaggedPercent),
      contactedPercent: orUndefined(result.contactedPercent),
      masked: result.masked,
    };
  }

  @GrpcMethod('FollowUpFiguresService', 'GetWorkload')
  public async GetWorkload(request: api.GetWorkloadRequest): Promise<api.GetWorkloadResponse> {
    const { enhet } = parseRequest(WorkloadSchema, { enhet: emptyToUndefined(request.enhet) });
    const asOf = osloDate(this.clock.now());
    const loads = workload(await this.repository.openItems(enhet), asOf);
    const message = (load: Load) => ({
      openItems: load.openItems,
      persons: load.persons,
      overdue: load.overdue,
      overdueStatutory: load.overdueStatutory,
      byType: [...load.byType],
    });
    return {
      asOf,
      enheter: loads.map((load) => ({
        enhet: load.enhet,
        ...message(load),
        veiledere: load.veiledere.map((veileder) => ({ veileder: veileder.veileder ?? '', ...message(veileder) })),
      })),
    };
  }
}
