import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/**
 * Keys that may hold personal data. They are censored wherever they appear, so a careless
 * `logger.info({ note })` cannot leak a fødselsnummer, a diagnosis or free text.
 */
const SENSITIVE_KEYS = [
  'personIdent',
  'fnr',
  'fodselsnummer',
  'diagnosis',
  'diagnosisCode',
  'navn',
  'fullName',
  'text',
  'freeText',
  'payload',
  'value',
  // The free-text parts of an oppfølgingsplan.
  'arbeidsoppgaverOgArbeidsevne',
  'tiltakArbeidsgiver',
  'tiltakMedBistand',
  'videreOppfolging',
];
const REDACT_PATHS = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export function createLogger(service: string, level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's own log lines go through the same structured, redacting logger. */
export class PinoNestLogger implements LoggerService {
  public constructor(private readonly logger: Logger) {}

  public log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  public error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  public warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  public debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  public verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
