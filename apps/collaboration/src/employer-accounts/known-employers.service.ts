import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { KnownEmployer } from './known-employer.entity';

/** What other modules may ask of the projection; it takes the caller's manager to read inside its transaction. */
@Injectable()
export class KnownEmployersService {
  public async exists(manager: EntityManager, orgnr: string): Promise<boolean> {
    return manager.getRepository(KnownEmployer).existsBy({ orgnr });
  }
}
