import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiIfMatch,
  ApiReadEtag,
  ApiProblems,
  IfMatch,
  PageQueryDto,
  Tagged,
  UuidParam,
  CurrentUser,
  Principal,
} from '@task-api/core';
import { CreateReminderDto } from './dto/create-reminder.dto';
import { ListRemindersQueryDto } from './dto/list-reminders-query.dto';
import { ReminderDeliveryPageDto } from './dto/reminder-delivery.dto';
import { ReminderDto, ReminderPageDto } from './dto/reminder.dto';
import { SnoozeReminderDto, UpdateReminderDto } from './dto/update-reminder.dto';
import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a reminder',
    description:
      'Absolute (`remindAt`, in the future) or relative (`offsetMinutes` before the task is due), not both.',
  })
  @ApiCreatedResponse({ type: ReminderDto, description: 'Created; `Location` names it.' })
  @ApiProblems(400, 404, 413, 415, 422)
  async createReminder(
    @CurrentUser() user: Principal,
    @Body() body: CreateReminderDto,
  ): Promise<Tagged<ReminderDto>> {
    const { taskId, ...schedule } = body;
    return this.reminders.create(user, taskId, schedule);
  }

  @Get()
  @ApiOperation({
    summary: 'List reminders',
    description: 'By `remindAt`, then id; filters combine with AND.',
  })
  @ApiOkResponse({ type: ReminderPageDto })
  @ApiProblems(400)
  listReminders(
    @CurrentUser() user: Principal,
    @Query() query: ListRemindersQueryDto,
  ): Promise<ReminderPageDto> {
    return this.reminders.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a reminder' })
  @ApiReadEtag(ReminderDto, 'The reminder; `ETag` identifies this state of it.')
  @ApiProblems(400, 404)
  async getReminder(
    @CurrentUser() user: Principal,
    @UuidParam('id') id: string,
  ): Promise<Tagged<ReminderDto>> {
    return this.reminders.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Reschedule a reminder or change its note',
    description:
      'A new `remindAt` or `offsetMinutes` makes it `scheduled` again (also when delivered, failed or cancelled), as a new firing with a new `webhook-id`.',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: ReminderDto })
  @ApiProblems(400, 404, 412, 413, 415, 422)
  async updateReminder(
    @CurrentUser() user: Principal,
    @UuidParam('id') id: string,
    @Body() body: UpdateReminderDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<Tagged<ReminderDto>> {
    return this.reminders.update(user, id, body, ifMatch);
  }

  @Post(':id/snooze')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Snooze a reminder',
    description:
      'Fires again `minutes` from now, as an absolute reminder (it no longer follows the due date).',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: ReminderDto })
  @ApiProblems(400, 404, 412, 413, 415, 422)
  async snoozeReminder(
    @CurrentUser() user: Principal,
    @UuidParam('id') id: string,
    @Body() body: SnoozeReminderDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<Tagged<ReminderDto>> {
    return this.reminders.snooze(user, id, body.minutes, ifMatch);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a reminder', description: 'Its delivery log goes with it.' })
  @ApiIfMatch()
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404, 412)
  async deleteReminder(
    @CurrentUser() user: Principal,
    @UuidParam('id') id: string,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<void> {
    await this.reminders.remove(user, id, ifMatch);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    summary: 'The delivery log of a reminder',
    description: 'Every attempt, oldest first: time, channel, outcome, HTTP status, error.',
  })
  @ApiOkResponse({ type: ReminderDeliveryPageDto })
  @ApiProblems(400, 404)
  listReminderDeliveries(
    @CurrentUser() user: Principal,
    @UuidParam('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<ReminderDeliveryPageDto> {
    return this.reminders.deliveries(user, id, query);
  }
}
