import { toFieldViolations } from '../field-errors';
import { SickNoteSubmissionSchema } from './sick-note-submission.schema';

const valid = {
  sourceSystem: 'fagsystem-a',
  sourceId: 'sm-1',
  personIdent: '01019012480',
  orgnr: '889640782',
  status: 'SENDT',
  issuedOn: '2025-01-06',
  periods: [{ fom: '2025-01-06', tom: '2025-01-19', type: 'FULL' }],
};

function rulesOf(candidate: unknown): string[] {
  const result = SickNoteSubmissionSchema.safeParse(candidate);
  return result.success ? [] : toFieldViolations(result.error).map((violation) => `${violation.field} ${violation.rule}`);
}

describe('SickNoteSubmissionSchema', () => {
  it('accepts a complete note', () => {
    expect(rulesOf(valid)).toEqual([]);
    expect(rulesOf({ ...valid, status: 'BEKREFTET', orgnr: undefined, diagnosis: { system: 'ICD10', code: 'F32.1' } })).toEqual([]);
  });

  it('needs an employer for a note sent to one, and none for a note confirmed without', () => {
    expect(rulesOf({ ...valid, orgnr: undefined })).toEqual(['orgnr sick_note.orgnr_required']);
    expect(rulesOf({ ...valid, status: 'BEKREFTET' })).toEqual(['orgnr sick_note.orgnr_forbidden']);
  });

  it('requires a grade exactly on graded periods, and periods in order', () => {
    expect(rulesOf({ ...valid, periods: [{ fom: '2025-01-06', tom: '2025-01-19', type: 'GRADED' }] })).toEqual(['periods[0].grade period.grade_required']);
    expect(rulesOf({ ...valid, periods: [{ fom: '2025-01-06', tom: '2025-01-19', type: 'FULL', grade: 50 }] })).toEqual(['periods[0].grade period.grade_forbidden']);
    expect(rulesOf({ ...valid, periods: [{ fom: '2025-01-06', tom: '2025-01-19', type: 'GRADED', grade: 100 }] })).toEqual(['periods[0].grade too_big']);
    expect(rulesOf({ ...valid, periods: [{ fom: '2025-01-19', tom: '2025-01-06', type: 'FULL' }] })).toEqual(['periods[0].tom period.order']);
    expect(rulesOf({ ...valid, periods: [] })).toEqual(['periods too_small']);
  });

  it('reports every broken rule at once, by field', () => {
    expect(rulesOf({ ...valid, personIdent: '123', orgnr: '889640781', issuedOn: '06.01.2025', extra: true }).sort()).toEqual([
      '(root) unrecognized_keys',
      'issuedOn invalid_format',
      'orgnr orgnr.control_digit',
      'personIdent person_ident.format',
    ]);
  });
});
