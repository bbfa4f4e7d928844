import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { PersonIdentSchema, TRIAGE_MILESTONE_TYPES, type triageFollowUpV1 } from '@syfo/contracts';
import { actorOf, AuditService, CONFIG, correlationIdOf, DomainError, DomainErrorCode, emptyToUndefined, OutboxService, parseRequest } from '@syfo/platform';
import { Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';

import type { TriageConfig } from '../config/triage.config';
import { validateExemption } from '../milestones/milestone.calculator';
import { SERIOUS_DIAGNOSIS_BASES } from '../screening/vv-ms.rule-set';
import { ScreeningService } from '../screening/screening.service';
import { WorkItemService } from '../work-items/work-item.service';
import { FollowUpScheduler } from './follow-up.scheduler';
import { currentTilfelle, FollowUpService, type PersonFollowUpRow } from './follow-up.service';

const LocalDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const Reason = z.string().trim().min(3, 'must say why (at least 3 characters)').max(500);
const Milestone = z.enum(TRIAGE_MILESTONE_TYPES);

interface MilestoneRow {
  type: string;
  state: string;
  state_reason: string | null;
  legal: boolean;
  actor: string;
  due_from: string;
  deadline: string;
  date_source: string;
  decided_by: string | null;
  reason_code: string | null;
  text: string | null;
}

@Controller()
export class FollowUpGrpcController implements triageFollowUpV1.FollowUpService, triageFollowUpV1.ScheduleService {
  public constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly followUp: FollowUpService,
    private readonly screening: ScreeningService,
    private readonly workItems: WorkItemService,
    private readonly scheduler: FollowUpScheduler,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: TriageConfig,
  ) {}

  @GrpcMethod('FollowUpService', 'GetPersonFollowUp')
  public async GetPersonFollowUp(request: triageFollowUpV1.GetPersonFollowUpRequest, metadata?: Metadata): Promise<triageFollowUpV1.GetPersonFollowUpResponse> {
    const { personIdent, purpose } = parseRequest(z.strictObject({ personIdent: PersonIdentSchema, purpose: z.string().min(3).max(200) }), request);
    await this.audit.record(metadata, { action: 'access', resource: 'follow-up', personIdent, purpose });
    const [person] = (await this.dataSource.query('SELECT * FROM person_followup WHERE person_ident = $1', [personIdent])) as PersonFollowUpRow[];
    if (!person) throw new DomainError(DomainErrorCode.NotFound, 'triage has no follow-up for that person');
    const tilfelle = currentTilfelle(person.tilfeller);
    const milestones = tilfelle ? await this.milestones(personIdent, tilfelle.start) : [];
    const decisions = tilfelle ? await this.screening.decisions(this.dataSource.manager, personIdent, tilfelle.start) : [];
    return {
      personIdent,
      tilfelle: tilfelle
        ? { start: tilfelle.start, end: tilfelle.end, antallSykedager: tilfelle.antallSykedager, gradertAtTilfelleEnd: tilfelle.gradertAtTilfelleEnd, arbeidstakerAtTilfelleEnd: tilfelle.arbeidstakerAtTilfelleEnd }
        : undefined,
      milestones,
      decisions,
      enhet: person.enhet_override ?? person.enhet,
      veileder: person.veileder ?? '',
      recurringAbsence: person.recurring_absence,
      nextCheckOn: person.next_check_on ?? '',
      milestoneProfile: this.config.MILESTONE_PROFILE,
    };
  }

  @GrpcMethod('FollowUpService', 'CompleteMilestone')
  public async CompleteMilestone(request: triageFollowUpV1.CompleteMilestoneRequest, metadata?: Metadata): Promise<triageFollowUpV1.CompleteMilestoneResponse> {
    const parsed = parseRequest(
      z.strictObject({ personIdent: PersonIdentSchema, milestone: Milestone, completedOn: LocalDate, reason: z.string().regex(/^[A-Z0-9_]{3,64}$/, 'must be an upper-case reason code') }),
      request,
    );
    if (parsed.completedOn > this.followUp.today()) throw DomainError.invalid([{ field: 'completed_on', rule: 'date.not_future', message: 'must not be in the future' }]);
    return this.onCurrentTilfelle(metadata, parsed.personIdent, parsed.milestone, async (tx, start) => {
      await this.followUp.resolve(tx, parsed.personIdent, start, { milestone: parsed.milestone, on: parsed.completedOn, by: actorOf(metadata), reason: parsed.reason });
    });
  }

  @GrpcMethod('FollowUpService', 'ExemptMilestone')
  public async ExemptMilestone(request: triageFollowUpV1.ExemptMilestoneRequest, metadata?: Metadata): Promise<triageFollowUpV1.ExemptMilestoneResponse> {
    const parsed = parseRequest(z.strictObject({ personIdent: PersonIdentSchema, milestone: Milestone, reasonCode: z.string().min(1), text: Reason }), request);
    const exemption = { milestone: parsed.milestone, reasonCode: parsed.reasonCode, text: parsed.text, decidedBy: actorOf(metadata), decidedAt: this.followUp.now().toISOString() };
    const check = validateExemption(exemption);
    if (!check.ok) throw DomainError.invalid([{ field: check.field === 'reasonCode' ? 'reason_code' : check.field, rule: check.rule, message: check.message }]);
    return this.onCurrentTilfelle(metadata, parsed.personIdent, parsed.milestone, (tx, start) => this.followUp.resolve(tx, parsed.personIdent, start, exemption));
  }

  @GrpcMethod('FollowUpService', 'AssignPerson')
  public async AssignPerson(request: triageFollowUpV1.AssignPersonRequest, metadata?: Metadata): Promise<triageFollowUpV1.AssignPersonResponse> {
    const parsed = parseRequest(
      z.strictObject({
        personIdent: PersonIdentSchema,
        enhetOverride: z.string().regex(/^\d{4}$/, 'must be a four-digit enhet number').optional(),
        veileder: z.string().regex(/^[A-Z]\d{6}$/, 'must be a NAV ident: a capital letter and six digits').optional(),
        reason: Reason,
        clearEnhetOverride: z.boolean(),
      }),
      { ...request, enhetOverride: emptyToUndefined(request.enhetOverride), veileder: emptyToUndefined(request.veileder), clearEnhetOverride: request.clearEnhetOverride ?? false },
    );
    return this.outbox.transaction(correlationIdOf(metadata), async (tx) => {
      const person = await this.followUp.lockPerson(tx, parsed.personIdent);
      if (!person) throw new DomainError(DomainErrorCode.NotFound, 'triage has no follow-up for that person');
      const now = this.followUp.now();
      const override = parsed.clearEnhetOverride ? null : (parsed.enhetOverride ?? person.enhet_override);
      const veileder = parsed.veileder ?? person.veileder;
      const enhet = override ?? person.enhet;
      await tx.manager.query('UPDATE person_followup SET enhet_override = $2, veileder = $3, updated_at = $4 WHERE person_ident = $1', [parsed.personIdent, override, veileder, now]);
      await tx.manager.query('INSERT INTO person_assignment_history (person_ident, enhet, veileder, assigned_by, reason, at) VALUES ($1, $2, $3, $4, $5, $6)', [
        parsed.personIdent,
        enhet,
        veileder,
        actorOf(metadata),
        parsed.reason,
        now,
      ]);
      await this.workItems.rerouteEnhet(tx, parsed.personIdent, enhet, now);
      if (veileder !== person.veileder) await this.workItems.assignPerson(tx, parsed.personIdent, veileder, 'HANDED_OVER', actorOf(metadata), parsed.reason, now, this.followUp.today());
      return { enhet, veileder: veileder ?? '' };
    });
  }

  @GrpcMethod('FollowUpService', 'SetMaksdato')
  public async SetMaksdato(request: triageFollowUpV1.SetMaksdatoRequest, metadata?: Metadata): Promise<triageFollowUpV1.SetMaksdatoResponse> {
    const { personIdent, maksdato } = parseRequest(z.strictObject({ personIdent: PersonIdentSchema, maksdato: LocalDate }), request);
    await this.outbox.transaction(correlationIdOf(metadata), async (tx) => {
      const [, updated] = (await tx.manager.query('UPDATE person_followup SET maksdato = $2 WHERE person_ident = $1', [personIdent, maksdato])) as [unknown, number];
      if (updated === 0) throw new DomainError(DomainErrorCode.NotFound, 'triage has no follow-up for that person');
      await this.followUp.recompute(tx, personIdent);
    });
    return {};
  }

  @GrpcMethod('FollowUpService', 'SetScreeningFacts')
  public async SetScreeningFacts(request: triageFollowUpV1.SetScreeningFactsRequest, metadata?: Metadata): Promise<triageFollowUpV1.SetScreeningFactsResponse> {
    const parsed = parseRequest(
      z.strictObject({
        personIdent: PersonIdentSchema,
        seriousDiagnosisBasis: z.enum(SERIOUS_DIAGNOSIS_BASES).optional(),
        cannotParticipate: z.boolean(),
        pregnancyRelated: z.boolean(),
        ufore100AndPositionUnder50: z.boolean(),
        uncertainEligibility: z.boolean(),
        reason: Reason,
      }),
      { ...request, seriousDiagnosisBasis: emptyToUndefined(request.seriousDiagnosisBasis) },
    );
    await this.outbox.transaction(correlationIdOf(metadata), async (tx) => {
      const person = await this.followUp.lockPerson(tx, parsed.personIdent);
      const tilfelle = person ? currentTilfelle(person.tilfeller) : null;
      if (!person || !tilfelle) throw new DomainError(DomainErrorCode.NotFound, 'triage has no current tilfelle for that person');
      await this.screening.setFacts(tx, parsed.personIdent, tilfelle.start, {
        seriousDiagnosis: parsed.seriousDiagnosisBasis ?? null,
        cannotParticipate: parsed.cannotParticipate,
        pregnancyRelated: parsed.pregnancyRelated,
        ufore100AndPositionUnder50: parsed.ufore100AndPositionUnder50,
        uncertainEligibility: parsed.uncertainEligibility,
        setBy: actorOf(metadata),
        setAt: this.followUp.now().toISOString(),
        reason: parsed.reason,
      });
      await this.followUp.recompute(tx, parsed.personIdent);
    });
    return {};
  }

  @GrpcMethod('ScheduleService', 'GetScheduleStatus')
  public async GetScheduleStatus(): Promise<triageFollowUpV1.GetScheduleStatusResponse> {
    const status = await this.scheduler.status();
    return {
      today: status.today,
      dueBacklog: status.dueBacklog,
      nextCheckOn: status.nextCheckOn ?? '',
      lastRunAt: status.lastRunAt?.toISOString() ?? '',
      lastRunFor: status.lastRunFor ?? '',
    };
  }

  private async onCurrentTilfelle(
    metadata: Metadata | undefined,
    personIdent: string,
    milestone: string,
    work: (tx: Parameters<Parameters<OutboxService['transaction']>[1]>[0], tilfelleStart: string) => Promise<void>,
  ): Promise<{ milestone: triageFollowUpV1.Milestone }> {
    return this.outbox.transaction(correlationIdOf(metadata), async (tx) => {
      const person = await this.followUp.lockPerson(tx, personIdent);
      const tilfelle = person ? currentTilfelle(person.tilfeller) : null;
      if (!person || !tilfelle) throw new DomainError(DomainErrorCode.NotFound, 'triage has no current tilfelle for that person');
      await work(tx, tilfelle.start);
      await this.followUp.recompute(tx, personIdent);
      const found = (await this.milestones(personIdent, tilfelle.start, tx.manager)).find((row) => row.type === milestone);
      if (!found) throw new DomainError(DomainErrorCode.FailedPrecondition, `${milestone} is not part of this region's milestone profile`);
      return { milestone: found };
    });
  }

  private async milestones(personIdent: string, tilfelleStart: string, manager = this.dataSource.manager): Promise<triageFollowUpV1.Milestone[]> {
    const rows: MilestoneRow[] = await manager.query(
      `SELECT m.*, r.decided_by, r.reason_code, r.text FROM milestone m
       LEFT JOIN milestone_resolution r ON r.person_ident = m.person_ident AND r.tilfelle_start = m.tilfelle_start AND r.milestone = m.type
         AND r.kind = CASE m.state WHEN 'EXEMPT' THEN 'EXEMPTION' ELSE 'COMPLETION' END
       WHERE m.person_ident = $1 AND m.tilfelle_start = $2
       ORDER BY m.deadline, m.type`,
      [personIdent, tilfelleStart],
    );
    return rows.map((row) => ({
      type: row.type,
      state: row.state,
      stateReason: row.state_reason ?? '',
      legal: row.legal,
      actor: row.actor,
      dueFrom: row.due_from,
      deadline: row.deadline,
      dateSource: row.date_source,
      resolvedBy: row.decided_by ?? '',
      resolutionReason: row.reason_code ?? '',
      resolutionText: row.text ?? '',
    }));
  }
}
