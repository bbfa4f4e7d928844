import { status } from '@grpc/grpc-js';

import { decodeBadRequest, encodeStatusDetails } from './grpc-exception.filter';

describe('gRPC status details', () => {
  it('round-trips field violations as google.rpc.BadRequest, with field paths in proto spelling', () => {
    const details = encodeStatusDetails(status.INVALID_ARGUMENT, 'invalid request', [
      { field: 'personIdent', rule: 'person_ident.control_digit_1', message: 'first mod-11 control digit does not match' },
      { field: 'periods[0].grade', rule: 'period.grade_required', message: 'is required for a graded period' },
    ]);
    expect(decodeBadRequest(details)).toEqual([
      { field: 'person_ident', reason: 'person_ident.control_digit_1', description: 'first mod-11 control digit does not match' },
      { field: 'periods[0].grade', reason: 'period.grade_required', description: 'is required for a graded period' },
    ]);
  });
});
