import { SetMetadata } from '@nestjs/common';
import type { ConsumerGroup } from '@syfo/contracts';

export const CONSUMES_METADATA = 'syfo:consumes';

/** Marks a provider implementing `EventHandler` as a handler in a consumer group; the platform wires it. */
export const Consumes = (group: ConsumerGroup): ClassDecorator => SetMetadata(CONSUMES_METADATA, group);
