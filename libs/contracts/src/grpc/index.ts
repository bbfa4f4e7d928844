export * as collaborationV1 from './generated/syfo/collaboration/v1/team.pb';
export * as intakeDocumentsV1 from './generated/syfo/intake/v1/documents.pb';
export * as intakeTilfelleV1 from './generated/syfo/intake/v1/tilfelle.pb';
export * as intakeV1 from './generated/syfo/intake/v1/sick_note.pb';
export * as outreachV1 from './generated/syfo/outreach/v1/account.pb';
export * as statisticsV1 from './generated/syfo/statistics/v1/intake_counts.pb';
export * as triageV1 from './generated/syfo/triage/v1/person_case.pb';
export * from './grpc-services.constant';
