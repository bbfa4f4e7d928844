import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';

import { PlatformLifecycle } from '../module/platform-lifecycle.service';
import { PlatformMetrics } from './metrics';

/** The HTTP surface Kubernetes and Prometheus use. */
@Controller()
export class HealthController {
  public constructor(
    private readonly lifecycle: PlatformLifecycle,
    private readonly metrics: PlatformMetrics,
  ) {}

  @Get('health/live')
  public live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  public async ready(@Res() response: Response): Promise<void> {
    const readiness = await this.lifecycle.readiness();
    response.status(readiness.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(readiness);
  }

  @Get('metrics')
  public async prometheus(@Res() response: Response): Promise<void> {
    response.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
