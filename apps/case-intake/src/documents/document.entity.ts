import type { DocumentKind } from '@syfo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The kinds the tilfelle computation reads; the others are follow-up and register facts that leave tilfeller as they are. */
export const TILFELLE_DOCUMENT_KINDS = ['SICK_NOTE', 'SOKNAD', 'INNTEKTSMELDING', 'ARBEIDSFORHOLD'] as const satisfies readonly DocumentKind[];
export type TilfelleDocumentKind = (typeof TILFELLE_DOCUMENT_KINDS)[number];

export function isTilfelleDocumentKind(kind: DocumentKind): kind is TilfelleDocumentKind {
  return (TILFELLE_DOCUMENT_KINDS as readonly DocumentKind[]).includes(kind);
}

/**
 * The current version of a fact an external case system sent. The body is what the tilfelle
 * computation needs; the diagnosis is kept apart because it is sensitive and never leaves the service.
 * An oppfølgingsplan's body holds its free text, which never leaves the service either.
 */
@Entity({ name: 'document' })
export class Document {
  @PrimaryColumn({ type: 'uuid' })
  public id!: string;

  @Column({ type: 'text' })
  public kind!: DocumentKind;

  @Column({ name: 'source_system', type: 'text' })
  public sourceSystem!: string;

  @Column({ name: 'source_id', type: 'text' })
  public sourceId!: string;

  /** Null only for a VIRKSOMHET, which is about an employer (the database holds the same rule). */
  @Column({ name: 'person_ident', type: 'text', nullable: true })
  public personIdent!: string | null;

  @Column({ type: 'text', nullable: true })
  public orgnr!: string | null;

  @Column({ type: 'integer' })
  public version!: number;

  @Column({ name: 'content_hash', type: 'text' })
  public contentHash!: string;

  @Column({ type: 'jsonb' })
  public body!: Record<string, unknown>;

  @Column({ name: 'diagnosis_system', type: 'text', nullable: true })
  public diagnosisSystem!: string | null;

  @Column({ name: 'diagnosis_code', type: 'text', nullable: true })
  public diagnosisCode!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  public receivedAt!: Date;

  /** When the sender produced the current version, if it said; see SentAtSchema. */
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  public sentAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  public cancelledAt!: Date | null;
}

/** Every version a document has had, for the version history and for audit. */
@Entity({ name: 'document_version' })
export class DocumentVersion {
  @PrimaryColumn({ name: 'document_id', type: 'uuid' })
  public documentId!: string;

  @PrimaryColumn({ type: 'integer' })
  public version!: number;

  @Column({ name: 'content_hash', type: 'text' })
  public contentHash!: string;

  @Column({ type: 'jsonb' })
  public body!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  public orgnr!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  public receivedAt!: Date;
}

/** The person a document is about; every kind but VIRKSOMHET has one. */
export function personOf(document: Pick<Document, 'kind' | 'personIdent'>): string {
  if (document.personIdent === null) throw new Error(`a ${document.kind} document is about no person`);
  return document.personIdent;
}
