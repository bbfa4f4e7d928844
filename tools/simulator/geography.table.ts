import { navRegionOf, type Region } from '@syfo/contracts';

/**
 * Norway's kommuner (2024 structure) per fylke, each with an approximate employment weight: about a
 * thousand jobs located there (by workplace, so Oslo, Bærum and Ullensaker weigh more than their
 * residents). Written for the simulator from rough population figures, not copied from a register:
 * the weights only need to put employers in the right places in about the right proportions.
 *
 * Compact form: 'NN:w' means kommunenummer <fylke><NN> with weight w.
 */
const FYLKER: readonly { readonly fylke: string; readonly name: string; readonly kommuner: string }[] = [
  { fylke: '03', name: 'Oslo', kommuner: '01:520' },
  {
    fylke: '11',
    name: 'Rogaland',
    kommuner: '01:7 03:95 06:22 08:40 11:1 12:1 14:1 19:8 20:8 21:8 22:4 24:22 27:4 30:5 33:1 34:2 35:2 44:0.2 45:0.3 46:5 49:17 51:0.1 60:4',
  },
  {
    fylke: '15',
    name: 'Møre og Romsdal',
    kommuner: '05:12 06:18 08:32 11:1 14:1 15:4 16:5 17:2 20:5 25:2 28:4 31:3 32:3 35:3 39:3 47:2 54:2 57:1 60:1 63:4 66:3 73:1 76:1.5 77:5 78:1 79:5 80:4',
  },
  {
    fylke: '18',
    name: 'Nordland',
    kommuner:
      '04:30 06:10 11:0.6 12:0.8 13:4 15:0.5 16:0.2 18:0.8 20:4 22:1 24:7 25:0.6 26:0.6 27:0.6 28:0.8 32:2 33:13 34:0.8 35:0.2 36:0.5 37:3 38:0.8 39:0.4 40:2 41:4 45:0.9 48:1 51:0.8 53:0.6 56:0.2 57:0.3 59:0.6 60:5 65:5 66:3.5 67:1 68:2 70:6 71:2 74:0.5 75:1.1',
  },
  { fylke: '31', name: 'Østfold', kommuner: '01:13 03:20 05:25 07:36 10:1.5 12:2.5 14:1.5 16:1 18:18 20:3 22:1.2 24:0.4' },
  {
    fylke: '32',
    name: 'Akershus',
    kommuner: '01:80 03:45 05:40 07:25 09:35 12:5 14:5 16:8 18:9 20:3 22:22 24:4 26:6 28:8 30:2 32:7 34:3 36:2.5 38:5 40:9 42:1',
  },
  { fylke: '33', name: 'Buskerud', kommuner: '01:52 03:15 05:14 10:2 12:12 14:7 16:5 18:0.9 20:0.5 22:1.5 24:2.5 26:1.5 28:2.2 30:2.5 32:1.3 34:1 36:0.5 38:1.1' },
  {
    fylke: '34',
    name: 'Innlandet',
    kommuner:
      '01:9 03:20 05:17 07:16 11:15 12:2.5 13:8 14:1.7 15:3 16:1.8 17:1.4 18:2.6 19:1.2 20:10 21:3 22:2 23:1 24:0.8 25:0.5 26:0.7 27:3 28:1.1 29:0.7 30:0.8 31:1.1 32:0.9 33:0.9 34:1 35:1.5 36:2.5 37:2.5 38:1.2 39:1.9 40:2 41:2.2 42:5 43:6 46:5 47:2 48:2.6 49:1.2 50:0.5 51:3.2 52:1 53:1.5 54:0.7',
  },
  { fylke: '39', name: 'Vestfold', kommuner: '01:11 03:8 05:30 07:30 09:20 11:8' },
  { fylke: '40', name: 'Telemark', kommuner: '01:18 03:26 05:6 10:0.6 12:5 14:4 16:1.5 18:2.5 20:4 22:1.3 24:0.6 26:2.5 28:1 30:0.6 32:0.5 34:1 36:1.8' },
  {
    fylke: '42',
    name: 'Agder',
    kommuner: '01:2.5 02:10 03:22 04:62 05:10 06:4 07:4.5 11:0.9 12:0.7 13:2.5 14:2 15:4 16:2 17:0.7 18:0.4 19:1.7 20:0.5 21:0.6 22:0.8 23:5 24:0.4 25:5 26:0.7 27:2.7 28:1.2',
  },
  {
    fylke: '46',
    name: 'Vestland',
    kommuner:
      '01:175 02:9 11:1.8 12:2 13:6 14:10 15:1.5 16:1.1 17:6 18:5 19:0.5 20:0.5 21:8 22:3.5 23:0.8 24:10 25:3 26:17 27:9 28:1.4 29:0.3 30:2.8 31:12 32:1.2 33:0.2 34:0.8 35:1 36:0.3 37:0.6 38:2 39:1.1 40:7 41:1 42:1 43:2.5 44:2.5 45:1.3 46:1.2 47:12 48:1.8 49:4.5 50:2.8 51:3.8',
  },
  {
    fylke: '50',
    name: 'Trøndelag',
    kommuner:
      '01:125 06:11 07:7.5 14:3.2 20:0.4 21:3.5 22:1 25:3 26:0.8 27:2.8 28:6 29:2.5 31:4 32:1.6 33:0.4 34:0.9 35:11 36:1 37:9 38:6 41:0.9 42:0.6 43:0.2 44:0.4 45:1.2 46:0.5 47:1.7 49:0.5 52:0.3 53:2.6 54:4 55:2.5 56:2.8 57:5 58:2 59:8 60:4.8 61:1',
  },
  { fylke: '55', name: 'Troms', kommuner: '01:45 03:13 10:1 12:1.4 14:0.5 16:0.4 18:0.4 20:2.5 22:1 24:4 26:1.3 28:0.4 30:6.5 32:2 34:0.8 36:1.1 38:0.7 40:0.8 42:1.5 44:2.2 46:0.5' },
  { fylke: '56', name: 'Finnmark', kommuner: '01:11 03:6.5 05:5 07:3.3 10:1.3 12:1.2 14:0.4 16:0.5 18:0.6 20:1.6 22:1.8 24:0.6 26:0.5 28:1.2 30:0.4 32:1.2 34:0.9 36:0.4' },
];

export interface Kommune {
  readonly kommunenummer: string;
  readonly fylke: string;
  readonly region: Region;
  /** About a thousand jobs. */
  readonly weight: number;
}

export const KOMMUNER: readonly Kommune[] = FYLKER.flatMap(({ fylke, kommuner }) =>
  kommuner.split(' ').map((entry) => {
    const [suffix, weight] = entry.split(':');
    const kommunenummer = `${fylke}${suffix}`;
    return { kommunenummer, fylke, region: navRegionOf(kommunenummer)!, weight: Number(weight) };
  }),
);

const KOMMUNE_BY_NUMMER = new Map(KOMMUNER.map((kommune) => [kommune.kommunenummer, kommune]));

export function kommune(kommunenummer: string): Kommune {
  const found = KOMMUNE_BY_NUMMER.get(kommunenummer);
  if (!found) throw new RangeError(`unknown kommunenummer ${kommunenummer}`);
  return found;
}

/** The kommuner of a region, or of the whole country. */
export function kommunerIn(region: Region | 'country'): readonly Kommune[] {
  return region === 'country' ? KOMMUNER : KOMMUNER.filter((candidate) => candidate.region === region);
}

/** The share of the country's employment a region (or the country) has, by the weights above. */
export function employmentShare(region: Region | 'country'): number {
  const total = (kommuner: readonly Kommune[]) => kommuner.reduce((sum, candidate) => sum + candidate.weight, 0);
  return total(kommunerIn(region)) / total(KOMMUNER);
}
