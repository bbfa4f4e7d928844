import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { OrgnrSchema, type triageWorkListV1 } from '@syfo/contracts';
import { AuditService, correlationIdOf, emptyToUndefined, parseRequest } from '@syfo/platform';
import { z } from 'zod';

import { FollowUpService } from '../follow-up/follow-up.service';
import { PRIORITY_COMPARATOR_VERSION } from '../work-items/work-item.priority';
import { WORK_ITEM_TYPES } from '../work-items/work-item.types';
import { WorkListQuery } from '../work-items/work-list.query';
import { WorkListCommands } from './work-list.commands';
import { toWorkItemMessage } from './work-list.mapper';

const NavIdent = z.string().regex(/^[A-Z]\d{6}$/, 'must be a NAV ident: a capital letter and six digits');
const Enhet = z.string().regex(/^\d{4}$/, 'must be a four-digit enhet number');
const LocalDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const Reason = z.string().trim().min(3, 'must say why (at least 3 characters)').max(500);

const ListSchema = z
  .strictObject({
    enhet: Enhet.optional(),
    veileder: NavIdent.optional(),
    types: z.array(z.enum(WORK_ITEM_TYPES)),
    dueFrom: LocalDate.optional(),
    dueTo: LocalDate.optional(),
    overdueOnly: z.boolean(),
    grade: z.enum(['GRADERT', 'FULL']).optional(),
    minWeek: z.int().min(1).max(200).optional(),
    maxWeek: z.int().min(1).max(200).optional(),
    orgnr: OrgnrSchema.optional(),
    unassignedOnly: z.boolean(),
    pageSize: z.int().min(1).max(500),
    offset: z.int().min(0),
    purpose: z.string().min(3).max(200),
  })
  .superRefine((request, ctx) => {
    if ((request.enhet === undefined) === (request.veileder === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['enhet'], message: 'give exactly one of enhet and veileder', params: { rule: 'work_list.one_owner' } });
    }
    if (request.dueFrom && request.dueTo && request.dueTo < request.dueFrom) {
      ctx.addIssue({ code: 'custom', path: ['dueTo'], message: 'must not be before due_from', params: { rule: 'period.order' } });
    }
    if (request.minWeek && request.maxWeek && request.maxWeek < request.minWeek) {
      ctx.addIssue({ code: 'custom', path: ['maxWeek'], message: 'must not be below min_week', params: { rule: 'week.order' } });
    }
  });

const ItemId = z.guid({ error: 'must be a work item id (UUID)' });

/** Page tokens are opaque to callers; inside they are the offset into today's ordering. */
function decodePageToken(token: string): number | string {
  if (token === '') return 0;
  const offset = Number(Buffer.from(token, 'base64url').toString('utf8'));
  return Number.isSafeInteger(offset) && offset >= 0 ? offset : token;
}

@Controller()
export class WorkListGrpcController implements triageWorkListV1.WorkListService {
  public constructor(
    private readonly query: WorkListQuery,
    private readonly commands: WorkListCommands,
    private readonly followUp: FollowUpService,
    private readonly audit: AuditService,
  ) {}

  @GrpcMethod('WorkListService', 'ListWorkItems')
  public async ListWorkItems(request: triageWorkListV1.ListWorkItemsRequest, metadata?: Metadata): Promise<triageWorkListV1.ListWorkItemsResponse> {
    const parsed = parseRequest(ListSchema, {
      enhet: emptyToUndefined(request.enhet),
      veileder: emptyToUndefined(request.veileder),
      types: request.types ?? [],
      dueFrom: emptyToUndefined(request.dueFrom),
      dueTo: emptyToUndefined(request.dueTo),
      overdueOnly: request.overdueOnly ?? false,
      grade: emptyToUndefined(request.grade),
      minWeek: request.minWeek || undefined,
      maxWeek: request.maxWeek || undefined,
      orgnr: emptyToUndefined(request.orgnr),
      unassignedOnly: request.unassignedOnly ?? false,
      pageSize: request.pageSize || 50,
      offset: decodePageToken(request.pageToken ?? ''),
      purpose: request.purpose,
    });
    const today = this.followUp.today();
    const page = await this.query.page(
      {
        owner: parsed.enhet !== undefined ? { enhet: parsed.enhet } : { veileder: parsed.veileder! },
        types: parsed.types,
        dueFrom: parsed.dueFrom ?? null,
        dueTo: parsed.dueTo ?? null,
        overdueOnly: parsed.overdueOnly,
        gradert: parsed.grade === undefined ? null : parsed.grade === 'GRADERT',
        minWeek: parsed.minWeek ?? null,
        maxWeek: parsed.maxWeek ?? null,
        orgnr: parsed.orgnr ?? null,
        unassignedOnly: parsed.unassignedOnly,
      },
      today,
      parsed.offset,
      parsed.pageSize,
    );
    await this.audit.record(
      metadata,
      [...new Set(page.items.map((item) => item.person_ident))].map((personIdent) => ({ action: 'access' as const, resource: 'work-list', personIdent, purpose: parsed.purpose })),
    );
    return {
      items: page.items.map((item) => toWorkItemMessage(item, today)),
      nextPageToken: page.nextOffset === null ? '' : Buffer.from(String(page.nextOffset)).toString('base64url'),
      totalCount: page.total,
      priorityComparatorVersion: PRIORITY_COMPARATOR_VERSION,
    };
  }

  @GrpcMethod('WorkListService', 'TakeWorkItem')
  public async TakeWorkItem(request: triageWorkListV1.TakeWorkItemRequest, metadata?: Metadata): Promise<triageWorkListV1.TakeWorkItemResponse> {
    const { workItemId, veileder } = parseRequest(z.strictObject({ workItemId: ItemId, veileder: NavIdent }), request);
    return { item: await this.commands.assign(correlationIdOf(metadata), workItemId, veileder, 'TAKEN', veileder, 'taken from the work list') };
  }

  @GrpcMethod('WorkListService', 'HandOverWorkItem')
  public async HandOverWorkItem(request: triageWorkListV1.HandOverWorkItemRequest, metadata?: Metadata): Promise<triageWorkListV1.HandOverWorkItemResponse> {
    const { workItemId, toVeileder, reason } = parseRequest(z.strictObject({ workItemId: ItemId, toVeileder: NavIdent, reason: Reason }), request);
    return { item: await this.commands.assign(correlationIdOf(metadata), workItemId, toVeileder, 'HANDED_OVER', this.commands.actor(metadata), reason) };
  }

  @GrpcMethod('WorkListService', 'CompleteWorkItem')
  public async CompleteWorkItem(request: triageWorkListV1.CompleteWorkItemRequest, metadata?: Metadata): Promise<triageWorkListV1.CompleteWorkItemResponse> {
    const { workItemId, reason } = parseRequest(z.strictObject({ workItemId: ItemId, reason: Reason }), request);
    return { item: await this.commands.complete(correlationIdOf(metadata), workItemId, this.commands.actor(metadata), reason) };
  }

  @GrpcMethod('WorkListService', 'ExemptWorkItem')
  public async ExemptWorkItem(request: triageWorkListV1.ExemptWorkItemRequest, metadata?: Metadata): Promise<triageWorkListV1.ExemptWorkItemResponse> {
    const { workItemId, reasonCode, text } = parseRequest(
      z.strictObject({ workItemId: ItemId, reasonCode: z.string().regex(/^[A-Z0-9_]{3,64}$/, 'must be an upper-case reason code'), text: Reason }),
      request,
    );
    return { item: await this.commands.exempt(correlationIdOf(metadata), workItemId, this.commands.actor(metadata), reasonCode, text) };
  }
}
