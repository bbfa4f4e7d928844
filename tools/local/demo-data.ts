/** A handful of employers across industries, and a season of sick notes for their employees. */
export const DEMO_ACCOUNTS = [
  { name: 'Fjordvik sykehjem', kommunenummer: '3301', naceCode: '87.101' },
  { name: 'Lia barnehage', kommunenummer: '3301', naceCode: '88.911' },
  { name: 'Drammen Mekaniske', kommunenummer: '3301', naceCode: '25.110' },
  { name: 'Kongsberg Data AS', kommunenummer: '3303', naceCode: '62.010' },
  { name: 'Eiker Bygg', kommunenummer: '3316', naceCode: '41.200' },
] as const;

const PERIOD_TYPES = ['PERIOD_TYPE_FULL', 'PERIOD_TYPE_FULL', 'PERIOD_TYPE_FULL', 'PERIOD_TYPE_GRADED'] as const;

export function demoSickNotes(employers: number, personIdent: (n: number) => string, orgnr: (n: number) => string) {
  return Array.from({ length: 60 }, (_, n) => {
    const start = new Date(Date.UTC(2025, 8, 1 + ((n * 5) % 90)));
    const end = new Date(start.getTime() + (7 + ((n * 3) % 21)) * 86_400_000);
    const type = PERIOD_TYPES[n % PERIOD_TYPES.length]!;
    const day = (date: Date) => date.toISOString().slice(0, 10);
    return {
      sourceSystem: 'demo',
      sourceId: `demo-${n}`,
      personIdent: personIdent(5000 + (n % 40)),
      orgnr: orgnr(n % employers),
      status: 'SICK_NOTE_STATUS_SENDT',
      issuedOn: day(start),
      diagnosis: { system: 'DIAGNOSIS_SYSTEM_ICPC2', code: n % 2 === 0 ? 'L03' : 'P74' },
      periods: [{ fom: day(start), tom: day(end), type, ...(type === 'PERIOD_TYPE_GRADED' ? { grade: 50 } : {}) }],
    };
  });
}
