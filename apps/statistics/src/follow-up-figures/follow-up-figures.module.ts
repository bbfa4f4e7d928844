import { Module } from '@nestjs/common';

import { FollowUpFiguresGrpcController } from './follow-up-figures.grpc.controller';
import {
  FollowUpDecisionHandler,
  FollowUpMilestoneHandler,
  FollowUpSickNoteHandler,
  FollowUpTeamHandler,
  FollowUpTilfellerHandler,
  FollowUpVirksomhetHandler,
  FollowUpWorkItemHandler,
} from './follow-up-figures.handlers';
import { FollowUpFiguresRepository } from './follow-up-figures.repository';

/** Handbook §9.2 weekly open-case counts and the §9.3 operational figures, from intake's, collaboration's and triage's events. */
@Module({
  controllers: [FollowUpFiguresGrpcController],
  providers: [
    FollowUpFiguresRepository,
    FollowUpTilfellerHandler,
    FollowUpSickNoteHandler,
    FollowUpVirksomhetHandler,
    FollowUpTeamHandler,
    FollowUpMilestoneHandler,
    FollowUpDecisionHandler,
    FollowUpWorkItemHandler,
  ],
})
export class FollowUpFiguresModule {}
