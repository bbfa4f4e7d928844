import type { SickNoteSubmission, SoknadSubmission } from '@syfo/contracts';

import { personOf, type Document } from '../documents/document.entity';
import type { Arbeidsforhold, Bit, Tag } from '../oppfolgingstilfelle';

/** What the mapping needs of a stored document (its current version). Its sentAt, when given, orders bits of equal rank. */
export type LiveDocument = Readonly<Pick<Document, 'id' | 'kind' | 'sourceSystem' | 'sourceId' | 'personIdent' | 'orgnr' | 'body' | 'receivedAt' | 'sentAt'>>;

type SickNoteBody = Pick<SickNoteSubmission, 'status' | 'periods' | 'egenmeldingsperioder'>;
type SoknadBody = Omit<SoknadSubmission, 'sourceSystem' | 'sourceId' | 'personIdent' | 'orgnr'>;
type InntektsmeldingBody = { arbeidsgiverperioder: { fom: string; tom: string }[] };
type ArbeidsforholdBody = { fom: string; tom?: string | undefined };

const PERIOD_ACTIVITY: Record<SickNoteSubmission['periods'][number]['type'], readonly Tag[]> = {
  FULL: ['INGEN_AKTIVITET'],
  GRADED: ['GRADERT_AKTIVITET'],
  // [DESIGN] An avventende note means the person can work with adjustments: a working day.
  AVVENTENDE: ['FULL_AKTIVITET'],
  BEHANDLINGSDAGER: ['BEHANDLINGSDAGER'],
  REISETILSKUDD: ['REISETILSKUDD', 'UKJENT_AKTIVITET'],
};

/** Documents are named across systems by source: a søknad's `korrigerer` points at a source id. */
export function ressursId(sourceSystem: string, sourceId: string): string {
  return `${sourceSystem}:${sourceId}`;
}

/** The bits (handbook §3.1) of one document's current version; cancelled documents have none. */
export function toBits(document: LiveDocument): Bit[] {
  const base = { inntruffet: (document.sentAt ?? document.receivedAt).toISOString(), ressursId: ressursId(document.sourceSystem, document.sourceId) };
  const orgnr = document.orgnr ?? undefined;
  const bits: Omit<Bit, 'uuid'>[] = [];
  // Only the kinds that yield bits need a person.
  const add = (tags: readonly Tag[], fom: string, tom: string, withOrgnr: boolean, extra: Partial<Bit> = {}) =>
    bits.push({ ...base, personId: personOf(document), ...(withOrgnr && orgnr ? { orgnr } : {}), tags, fom, tom, ...extra });

  switch (document.kind) {
    case 'SICK_NOTE': {
      const note = document.body as unknown as SickNoteBody;
      if (note.status === 'AVBRUTT') break;
      for (const period of note.periods) add(['SYKMELDING', note.status, 'PERIODE', ...PERIOD_ACTIVITY[period.type]], period.fom, period.tom, note.status === 'SENDT');
      // Egenmelding days reach NAV through the note sent to the employer (§3.1).
      if (note.status === 'SENDT') for (const range of note.egenmeldingsperioder ?? []) add(['SYKMELDING', 'SENDT', 'EGENMELDING'], range.fom, range.tom, true);
      break;
    }
    case 'SOKNAD': {
      const soknad = document.body as unknown as SoknadBody;
      const korrigerer = soknad.korrigerer ? { korrigerer: ressursId(document.sourceSystem, soknad.korrigerer) } : {};
      const sok = (extra: readonly Tag[], fom: string, tom: string) => add(['SYKEPENGESOKNAD', 'SENDT', ...extra], fom, tom, true, korrigerer);
      sok([], soknad.fom, soknad.tom);
      soknad.ferie.forEach((range) => sok(['FERIE'], range.fom, range.tom));
      soknad.permisjon.forEach((range) => sok(['PERMISJON'], range.fom, range.tom));
      soknad.egenmeldinger.forEach((range) => sok(['EGENMELDING'], range.fom, range.tom));
      soknad.behandlingsdager.forEach((day) => sok(['BEHANDLINGSDAG'], day, day));
      soknad.korrigertArbeidstid.forEach((range) => sok(['KORRIGERT_ARBEIDSTID', range.activity], range.fom, range.tom));
      if (soknad.arbeidGjenopptatt) sok(['ARBEID_GJENNOPPTATT'], soknad.arbeidGjenopptatt, soknad.tom);
      break;
    }
    case 'INNTEKTSMELDING':
      for (const range of (document.body as unknown as InntektsmeldingBody).arbeidsgiverperioder) add(['INNTEKTSMELDING', 'ARBEIDSGIVERPERIODE'], range.fom, range.tom, true);
      break;
    case 'ARBEIDSFORHOLD':
      break;
    // Follow-up and register facts: they say nothing about which days are sick days.
    case 'OPPFOLGINGSPLAN':
    case 'SCREENING_ANSWER':
    case 'VIRKSOMHET':
      break;
  }
  return bits.map((bit, index) => ({ ...bit, uuid: `${document.id}#${index}` }));
}

/** The person's employments, which give NY notes their employer (§3.5). */
export function toArbeidsforhold(documents: readonly LiveDocument[]): Arbeidsforhold[] {
  return documents
    .filter((document) => document.kind === 'ARBEIDSFORHOLD' && document.orgnr)
    .map((document) => {
      const body = document.body as unknown as ArbeidsforholdBody;
      return { orgnr: document.orgnr!, fom: body.fom, ...(body.tom ? { tom: body.tom } : {}) };
    });
}
