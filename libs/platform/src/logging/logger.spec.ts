import { Writable } from 'node:stream';

import { createLogger } from './logger';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line)) };
}

describe('createLogger', () => {
  it('censors personal data wherever it sits in a log object', () => {
    const { stream, lines } = capture();
    const logger = createLogger('case-intake', 'info', stream);
    logger.info({ personIdent: '01019012480', note: { diagnosis: { code: 'L03' }, orgnr: '889640782' }, deep: { note: { fnr: '01019012480' } } }, 'stored');
    const [line] = lines();
    expect(line).toMatchObject({ service: 'case-intake', level: 'info', msg: 'stored', personIdent: '[redacted]', note: { diagnosis: '[redacted]', orgnr: '889640782' } });
    expect(JSON.stringify(line)).not.toContain('01019012480');
    expect(JSON.stringify(line)).not.toContain('L03');
  });

  it("censors an oppfølgingsplan's free text", () => {
    const { stream, lines } = capture();
    createLogger('case-intake', 'info', stream).info({ plan: { tiltakMedBistand: ['secret measure'], videreOppfolging: 'secret plan', createdOn: '2025-02-03' } }, 'stored');
    const [line] = lines();
    expect(line).toMatchObject({ plan: { tiltakMedBistand: '[redacted]', videreOppfolging: '[redacted]', createdOn: '2025-02-03' } });
    expect(JSON.stringify(line)).not.toContain('secret');
  });
});
