/** Where each service's gRPC API is defined, relative to the repository's `proto/` folder. */
export const GRPC_APIS = {
  'case-intake': { package: 'syfo.intake.v1', protoFiles: ['syfo/intake/v1/sick_note.proto', 'syfo/intake/v1/documents.proto', 'syfo/intake/v1/tilfelle.proto'] },
  triage: { package: 'syfo.triage.v1', protoFiles: ['syfo/triage/v1/person_case.proto', 'syfo/triage/v1/follow_up.proto', 'syfo/triage/v1/work_list.proto'] },
  statistics: { package: 'syfo.statistics.v1', protoFiles: ['syfo/statistics/v1/intake_counts.proto', 'syfo/statistics/v1/follow_up_figures.proto', 'syfo/statistics/v1/sickness_statistics.proto'] },
  'employer-outreach': { package: 'syfo.outreach.v1', protoFiles: ['syfo/outreach/v1/account.proto', 'syfo/outreach/v1/call_task.proto'] },
  collaboration: { package: 'syfo.collaboration.v1', protoFiles: ['syfo/collaboration/v1/team.proto'] },
} as const;

export type ServiceName = keyof typeof GRPC_APIS;
