import type { triageWorkListV1 } from '@syfo/contracts';

import type { WorkItemRow } from '../work-items/work-item.service';
import { tilfelleWeek } from '../work-items/work-list.query';

export function toWorkItemMessage(row: WorkItemRow, today: string): triageWorkListV1.WorkItem {
  return {
    id: row.id,
    personIdent: row.person_ident,
    type: row.type,
    priority: row.priority,
    statutory: row.statutory,
    dueDate: row.due_date ?? '',
    visibleFrom: row.visible_from,
    enhet: row.enhet,
    veileder: row.veileder ?? '',
    state: row.state,
    orgnr: row.orgnr ?? '',
    gradert: row.gradert,
    tilfelleStart: row.tilfelle_start,
    tilfelleWeek: tilfelleWeek(row.tilfelle_start, today),
    overdue: row.state === 'OPEN' && row.due_date !== null && row.due_date < today,
    messageTemplate: row.message_template ?? '',
    createdAt: row.created_at.toISOString(),
  };
}
