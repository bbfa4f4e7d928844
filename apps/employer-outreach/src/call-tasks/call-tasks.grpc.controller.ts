import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { outreachCallTaskV1 } from '@syfo/contracts';
import { actorOf, DomainError, DomainErrorCode, emptyToUndefined, parseRequest } from '@syfo/platform';
import { DataSource } from 'typeorm';
import { z } from 'zod';

interface CallTaskRow {
  id: string;
  orgnr: string;
  kind: string;
  iso_week: string;
  batch_date: string;
  status: string;
  escalate_to_als: boolean;
  account_name: string | null;
  completed_by: string | null;
  outcome: string | null;
}

const ListSchema = z.strictObject({
  status: z.enum(['OPEN', 'DONE', 'SUPPRESSED']).optional(),
  isoWeek: z.string().regex(/^\d{4}-W\d{2}$/, 'must be an ISO week as YYYY-Www').optional(),
});
const CompleteSchema = z.strictObject({ taskId: z.guid({ error: 'must be a task id (UUID)' }), outcome: z.string().trim().min(3, 'must say what came of the call').max(1000) });

const SELECT = `SELECT t.*, a.name AS account_name FROM call_task t LEFT JOIN account a ON a.orgnr = t.orgnr`;

function toMessage(row: CallTaskRow): outreachCallTaskV1.CallTask {
  return {
    taskId: row.id,
    orgnr: row.orgnr,
    kind: row.kind,
    isoWeek: row.iso_week,
    batchDate: row.batch_date,
    status: row.status,
    escalateToAls: row.escalate_to_als,
    accountName: row.account_name ?? '',
    completedBy: row.completed_by ?? '',
    outcome: row.outcome ?? '',
  };
}

@Controller()
export class CallTasksGrpcController implements outreachCallTaskV1.CallTaskService {
  public constructor(private readonly dataSource: DataSource) {}

  @GrpcMethod('CallTaskService', 'ListCallTasks')
  public async ListCallTasks(request: outreachCallTaskV1.ListCallTasksRequest): Promise<outreachCallTaskV1.ListCallTasksResponse> {
    const { status, isoWeek } = parseRequest(ListSchema, { status: emptyToUndefined(request.status), isoWeek: emptyToUndefined(request.isoWeek) });
    const rows: CallTaskRow[] = await this.dataSource.query(
      `${SELECT} WHERE ($1::text IS NULL OR t.status = $1) AND ($2::text IS NULL OR t.iso_week = $2) ORDER BY t.batch_date, t.escalate_to_als DESC, t.orgnr`,
      [status ?? null, isoWeek ?? null],
    );
    return { tasks: rows.map(toMessage) };
  }

  @GrpcMethod('CallTaskService', 'CompleteCallTask')
  public async CompleteCallTask(request: outreachCallTaskV1.CompleteCallTaskRequest, metadata?: Metadata): Promise<outreachCallTaskV1.CompleteCallTaskResponse> {
    const { taskId, outcome } = parseRequest(CompleteSchema, request);
    const [, updated] = (await this.dataSource.query(
      `UPDATE call_task SET status = 'DONE', completed_at = now(), completed_by = $2, outcome = $3 WHERE id = $1 AND status = 'OPEN'`,
      [taskId, actorOf(metadata), outcome],
    )) as [unknown, number];
    const [row] = (await this.dataSource.query(`${SELECT} WHERE t.id = $1`, [taskId])) as CallTaskRow[];
    if (!row) throw new DomainError(DomainErrorCode.NotFound, 'no call task with that id');
    if (updated === 0 && row.completed_by !== actorOf(metadata)) {
      throw new DomainError(DomainErrorCode.FailedPrecondition, `the task is ${row.status}, not OPEN`, [{ field: 'task_id', rule: 'call_task.open', message: `is ${row.status}` }]);
    }
    return { task: toMessage(row) };
  }
}
