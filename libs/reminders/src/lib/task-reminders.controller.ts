import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Tagged, UuidParam, CurrentUser, Principal } from '@task-api/core';
import { CreateTaskReminderDto } from './dto/create-reminder.dto';
import { ListTaskRemindersQueryDto } from './dto/list-reminders-query.dto';
import { ReminderDto, ReminderPageDto } from './dto/reminder.dto';
import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@Controller('tasks/:taskId/reminders')
export class TaskRemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a reminder for a task',
    description: 'As `POST /reminders`, the task taken from the path.',
  })
  @ApiCreatedResponse({ type: ReminderDto, description: 'Created; `Location` names it.' })
  @ApiProblems(400, 404, 413, 415, 422)
  async createTaskReminder(
    @CurrentUser() user: Principal,
    @UuidParam('taskId') taskId: string,
    @Body() body: CreateTaskReminderDto,
  ): Promise<Tagged<ReminderDto>> {
    return this.reminders.create(user, taskId, body);
  }

  @Get()
  @ApiOperation({ summary: "List a task's reminders", description: 'By `remindAt`, then id.' })
  @ApiOkResponse({ type: ReminderPageDto })
  @ApiProblems(400, 404)
  listTaskReminders(
    @CurrentUser() user: Principal,
    @UuidParam('taskId') taskId: string,
    @Query() query: ListTaskRemindersQueryDto,
  ): Promise<ReminderPageDto> {
    return this.reminders.listForTask(user, taskId, query);
  }
}
