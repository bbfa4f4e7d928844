import { Document, DocumentVersion } from '../documents/document.entity';
import { PersonTilfeller } from '../tilfeller/person-tilfeller.entity';
import { Documents1763942400000 } from './migrations/1763942400000-documents.migration';
import { FollowUpFacts1764028800000 } from './migrations/1764028800000-follow-up-facts.migration';
import { Initial1763856000000 } from './migrations/1763856000000-initial.migration';
import { OutOfOrder1764115200000 } from './migrations/1764115200000-out-of-order.migration';
import { Virksomhet1764201600000 } from './migrations/1764201600000-virksomhet.migration';
import { DocumentPersonKind1764288000000 } from './migrations/1764288000000-document-person-kind.migration';

export const CASE_INTAKE_PERSISTENCE = {
  entities: [Document, DocumentVersion, PersonTilfeller],
  migrations: [Initial1763856000000, Documents1763942400000, FollowUpFacts1764028800000, OutOfOrder1764115200000, Virksomhet1764201600000, DocumentPersonKind1764288000000],
};
