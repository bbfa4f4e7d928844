import { epochDay } from '@syfo/local-date';

import type { FeedItem } from './feed-item';
import { INBOUND_EVENTS } from './feeder';
import { generateEmployers, generatePersons, riskModelFor, type SyntheticPerson } from './population.generator';
import { EPISODE_MOMENTS, personDocuments, planEpisodes, sickLeaveContext, simulationFirstDay } from './sick-leave.generator';

const YEARS = { firstYear: 2023, lastYear: 2024 };

function people(seed: number, area: 'vest-viken' | 'country', scale: number): SyntheticPerson[] {
  const options = { seed, area, scale, firstDay: simulationFirstDay(YEARS.firstYear) };
  const register = generateEmployers(options);
  return [...generatePersons(options, register, riskModelFor(register))];
}

describe('sick-leave generator', () => {
  // One seed is one world (its idents and document ids are its own), so the Vest-Viken sample gets its own seed.
  const groups = [
    { persons: people(3, 'country', 0.001), context: sickLeaveContext({ seed: 3, ...YEARS }) },
    { persons: people(13, 'vest-viken', 0.005), context: sickLeaveContext({ seed: 13, ...YEARS }) },
  ];
  const persons = groups.flatMap((group) => group.persons);
  const contextOf = new Map(groups.flatMap((group) => group.persons.map((person) => [person, group.context] as const)));
  const context = groups[0]!.context;
  const documents = new Map(persons.map((person) => [person, personDocuments(person, contextOf.get(person)!)]));
  const all = [...documents.values()].flat();
  const ofKind = <K extends FeedItem['kind']>(kind: K) => all.filter((item): item is Extract<FeedItem, { kind: K }> => item.kind === kind);

  it('is deterministic per person: same seed same documents, another seed others', () => {
    const person = groups[0]!.persons.find((candidate) => planEpisodes(candidate, context).length > 2)!;
    expect(personDocuments(person, sickLeaveContext({ seed: 3, ...YEARS }))).toEqual(documents.get(person));
    expect(personDocuments(person, sickLeaveContext({ seed: 4, ...YEARS }))).not.toEqual(documents.get(person));
  });

  it('plans episodes of 1–364 days as back-to-back notes, 16 clear days apart, reaching into the reported years', () => {
    const first = epochDay('2023-01-01');
    const last = epochDay('2024-12-31');
    const broken: string[] = [];
    const check = (ok: boolean, what: string) => ok || broken.push(what);
    for (const person of persons) {
      const episodes = planEpisodes(person, contextOf.get(person)!);
      episodes.forEach((episode, i) => {
        const days = episode.tom - episode.fom + 1;
        check(days >= 1 && days <= 364, `length ${days}`);
        check(episode.fom - episode.onset === episode.egenmeldingDays, 'egenmelding days before fom');
        check(episode.tom >= first && episode.onset <= last, 'reaches into the years');
        check(episode.notes[0]!.fom === episode.fom && episode.notes[episode.notes.length - 1]!.tom === episode.tom, 'notes cover the episode');
        check(
          episode.notes.slice(1).every((note, n) => note.fom === episode.notes[n]!.tom + 1),
          'notes back to back',
        );
        // Sixteen non-sick days or more between episodes, or §3.2 would make them one tilfelle.
        if (i > 0) check(episode.onset - episodes[i - 1]!.tom - 1 >= 16, `gap ${episode.onset - episodes[i - 1]!.tom - 1}`);
        check(person.employments.length > 0 || episode.egenmeldingDays === 0, 'egenmelding without an employer');
      });
    }
    expect(broken).toEqual([]);
    // Episode sick-day equivalents (days × grade) average below the 37-day mean length: grading takes off the rest.
    expect(EPISODE_MOMENTS.meanEquivalentDays).toBeGreaterThan(20);
    expect(EPISODE_MOMENTS.meanEquivalentDays).toBeLessThan(37);
  });

  it('produces documents the contracts accept (the inbound events’ payload schemas), checked on a sample of every kind', () => {
    expect(new Set(all.map((item) => item.kind))).toEqual(new Set(['arbeidsforhold', 'sick-note', 'soknad', 'screening-answer', 'cancellation']));
    const rare = (item: FeedItem) => item.kind === 'cancellation' || item.kind === 'screening-answer' || (item.kind === 'sick-note' && item.submission.status !== 'SENDT');
    const sample = [...all.filter(rare), ...all.filter((_, i) => i % 20 === 0)];
    const refused = sample.flatMap((item) => {
      const parsed = INBOUND_EVENTS[item.kind].payload.safeParse(item.submission);
      return parsed.success ? [] : [`${item.kind} ${JSON.stringify(item.submission)}: ${parsed.error.message}`];
    });
    expect(sample.length).toBeGreaterThan(3_000);
    expect(refused).toEqual([]);
  });

  it('sends notes to the employer (SENDT), or confirms them without one (BEKREFTET)', () => {
    const broken: string[] = [];
    for (const [person, items] of documents) {
      const employers = new Set(person.employments.map((job) => job.establishment.orgnr));
      for (const item of items) {
        if (item.kind !== 'sick-note') continue;
        const note = item.submission;
        if (note.status === 'SENDT' && !employers.has(note.orgnr!)) broken.push(`SENDT to ${note.orgnr}`);
        if (note.status === 'BEKREFTET' && employers.size > 0) broken.push('BEKREFTET with an employer');
        if (note.personIdent !== person.ident) broken.push('another person');
      }
    }
    expect(broken).toEqual([]);
    expect(ofKind('sick-note').some((item) => item.submission.status === 'BEKREFTET')).toBe(true);
  });

  it('delivers each person’s documents in the order they were produced, arbeidsforhold first', () => {
    const outOfOrder = [...documents.values()].filter((items) => {
      const times = items.map((item) => item.at);
      const firstOther = items.findIndex((item) => item.kind !== 'arbeidsforhold');
      return times.some((at, i) => i > 0 && at < times[i - 1]!) || (firstOther >= 0 && items.slice(firstOther).some((item) => item.kind === 'arbeidsforhold'));
    });
    expect(outOfOrder).toEqual([]);
  });

  it('corrects some notes: a NY version before the SENDT one, or a week too long and then right', () => {
    const versions = new Map<string, Extract<FeedItem, { kind: 'sick-note' }>['submission'][]>();
    for (const item of ofKind('sick-note')) versions.set(item.submission.sourceId, [...(versions.get(item.submission.sourceId) ?? []), item.submission]);
    const twice = [...versions.values()].filter((list) => list.length === 2);
    expect(twice.length).toBeGreaterThan(0);
    for (const [first, second] of twice) {
      expect(first!.sentAt! < second!.sentAt!).toBe(true);
      const statuses = `${first!.status}>${second!.status}`;
      expect(['NY>SENDT', 'NY>AVBRUTT', 'SENDT>SENDT', 'BEKREFTET>BEKREFTET']).toContain(statuses);
      if (statuses === 'SENDT>SENDT' || statuses === 'BEKREFTET>BEKREFTET') {
        // The first version ran 7 days too long.
        expect(epochDay(first!.periods[0]!.tom) - epochDay(second!.periods[0]!.tom)).toBe(7);
      }
    }
    expect(twice.some(([first, second]) => first!.status === 'NY' && second!.status === 'SENDT')).toBe(true);
  });

  it('cancels only notes it sent, and later', () => {
    const notes = new Map(ofKind('sick-note').map((item) => [item.submission.sourceId, item]));
    const cancellations = ofKind('cancellation');
    expect(cancellations.length).toBeGreaterThan(0);
    for (const cancellation of cancellations) {
      expect(cancellation.submission.kind).toBe('SICK_NOTE');
      expect(notes.get(cancellation.submission.sourceId)!.at < cancellation.at).toBe(true);
    }
  });

  it('sends søknader only for the part NAV pays: notes of employees ending after the 16-day employer period', () => {
    const soknader = ofKind('soknad');
    expect(soknader.length).toBeGreaterThan(0);
    expect(soknader.filter((soknad) => !soknad.submission.sourceId.endsWith('s') || soknad.at <= `${soknad.submission.tom}T23:59:59Z`)).toEqual([]);
    // The episode a søknad belongs to started at least 16 days before the søknad ends.
    const early = [...documents].flatMap(([person, items]) => {
      const onsets = planEpisodes(person, contextOf.get(person)!).map((episode) => episode.onset);
      return items.filter((item) => item.kind === 'soknad' && !onsets.some((onset) => onset <= epochDay(item.submission.tom) && epochDay(item.submission.tom) - onset >= 16));
    });
    expect(early).toEqual([]);
  });

  it('asks the screening questions by the region’s pilot: VV_MS_8W in Vest-Viken at 8 weeks, SF_SP2 elsewhere at 6 weeks', () => {
    const answers = ofKind('screening-answer');
    expect(answers.some((answer) => answer.submission.questionnaire === 'VV_MS_8W')).toBe(true);
    expect(answers.some((answer) => answer.submission.questionnaire === 'SF_SP2')).toBe(true);
    for (const [person, items] of documents) {
      for (const answer of items) {
        if (answer.kind !== 'screening-answer') continue;
        expect(answer.submission.questionnaire).toBe(person.region === 'vest-viken' ? 'VV_MS_8W' : 'SF_SP2');
        const day = epochDay(answer.submission.answeredAt.slice(0, 10));
        const episode = planEpisodes(person, contextOf.get(person)!).find((candidate) => day >= candidate.onset && day <= candidate.tom + 14)!;
        const week = answer.submission.questionnaire === 'VV_MS_8W' ? 56 : 42;
        expect(episode.tom - episode.onset + 1).toBeGreaterThanOrEqual(week);
        expect(day - episode.onset + 1).toBeGreaterThanOrEqual(week);
        if (answer.submission.questionnaire === 'SF_SP2') {
          const sixWeeks = episode.onset + 41;
          expect(episode.notes.find((note) => note.fom <= sixWeeks && note.tom >= sixWeeks)!.grade).toBeUndefined();
        }
      }
    }
  });

  it('reports egenmelding days with the first note only, ending the day before it', () => {
    const withEgenmelding = ofKind('sick-note').filter((item) => item.submission.egenmeldingsperioder?.length);
    expect(withEgenmelding.length).toBeGreaterThan(0);
    for (const { submission } of withEgenmelding) {
      const [period] = submission.egenmeldingsperioder!;
      expect(epochDay(period!.tom)).toBe(epochDay(submission.periods[0]!.fom) - 1);
      expect(epochDay(period!.tom) - epochDay(period!.fom)).toBeLessThanOrEqual(2);
    }
  });
});
