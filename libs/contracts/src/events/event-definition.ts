import type { z } from 'zod';

import type { TopicName } from '../topics/topics.constant';

/** An event contract: the schema of its payload, the topic it travels on, its version and its key. */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly version: number;
  readonly topic: TopicName;
  readonly payload: S;
  /** The aggregate id: events with the same key keep their order on one partition. */
  readonly key: (payload: z.infer<S>) => string;
}

export function defineEvent<S extends z.ZodType>(definition: EventDefinition<S>): EventDefinition<S> {
  return definition;
}

export type PayloadOf<E extends EventDefinition> = z.infer<E['payload']>;
