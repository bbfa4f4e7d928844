export * from './fodselsnummer';
export * from './organisasjonsnummer';
