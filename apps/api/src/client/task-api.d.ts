// Generated from openapi.json by `npm run openapi` (openapi-typescript); do not edit.
export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up (no dependency is checked) */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers; 503 otherwise */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the credential of this request stands for */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List reminders
         * @description By `remindAt`, then id; filters combine with AND.
         */
        get: operations["listReminders"];
        put?: never;
        /**
         * Create a reminder
         * @description Absolute (`remindAt`, in the future) or relative (`offsetMinutes` before the task is due), not both.
         */
        post: operations["createReminder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reminders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a reminder */
        get: operations["getReminder"];
        put?: never;
        post?: never;
        /**
         * Delete a reminder
         * @description Its delivery log goes with it.
         */
        delete: operations["deleteReminder"];
        options?: never;
        head?: never;
        /**
         * Reschedule a reminder or change its note
         * @description A new `remindAt` or `offsetMinutes` makes it `scheduled` again (also when delivered, failed or cancelled), as a new firing with a new `webhook-id`.
         */
        patch: operations["updateReminder"];
        trace?: never;
    };
    "/reminders/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log of a reminder
         * @description Every attempt, oldest first: time, channel, outcome, HTTP status, error.
         */
        get: operations["listReminderDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reminders/{id}/snooze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Snooze a reminder
         * @description Fires again `minutes` from now, as an absolute reminder (it no longer follows the due date).
         */
        post: operations["snoozeReminder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tags
         * @description Sorted by name (case-insensitive), cursor-paginated; `q` is a name prefix.
         */
        get: operations["listTags"];
        put?: never;
        /** Create a tag */
        post: operations["createTag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tags/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a tag
         * @description With the number of tasks carrying it.
         */
        get: operations["getTag"];
        put?: never;
        post?: never;
        /**
         * Delete a tag
         * @description It is detached from every task.
         */
        delete: operations["deleteTag"];
        options?: never;
        head?: never;
        /**
         * Rename or recolor a tag
         * @description Only the fields sent change; `color: null` removes the color.
         */
        patch: operations["updateTag"];
        trace?: never;
    };
    "/tags/{id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tasks carrying a tag
         * @description Newest first, cursor-paginated; each task as `GET /tasks/:id` shows it.
         */
        get: operations["listTagTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks
         * @description Cursor-paginated; filters combine with AND. Features add their own filters.
         */
        get: operations["listTasks"];
        put?: never;
        /** Create a task */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a task */
        get: operations["getTask"];
        put?: never;
        post?: never;
        /**
         * Delete a task
         * @description Its tag links and reminders go with it.
         */
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        /**
         * Change a task
         * @description Only the fields sent change; `null` clears.
         */
        patch: operations["updateTask"];
        trace?: never;
    };
    "/tasks/{taskId}/recurrence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task’s recurrence
         * @description 404 when it does not recur.
         */
        get: operations["getTaskRecurrence"];
        /**
         * Make a task recur
         * @description Sets the rule (a rule already set is replaced; its history stays). The task’s current `dueAt` is the first occurrence (DTSTART); completing the task moves it to the next one. 422 when the task has no `dueAt`.
         */
        put: operations["putTaskRecurrence"];
        post?: never;
        /**
         * Stop a task recurring
         * @description The task stays as it is; the history of its completions goes.
         */
        delete: operations["deleteTaskRecurrence"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{taskId}/recurrence/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a task’s completed occurrences
         * @description Oldest first, cursor-paginated: each with its `dueAt` and when it was completed.
         */
        get: operations["listTaskRecurrenceHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{taskId}/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a task's reminders
         * @description By `remindAt`, then id.
         */
        get: operations["listTaskReminders"];
        put?: never;
        /**
         * Create a reminder for a task
         * @description As `POST /reminders`, the task taken from the path.
         */
        post: operations["createTaskReminder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{taskId}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a task's tags
         * @description Sorted by name, paginated.
         */
        get: operations["listTaskTags"];
        /**
         * Replace a task's whole set of tags
         * @description In one transaction: an unknown tag id is a 404 and changes nothing.
         */
        put: operations["replaceTaskTags"];
        /**
         * Attach a tag by name, creating it if needed
         * @description Get-or-create by name (case-insensitive), then attach; safe under concurrency. `color` is used only when the tag is created.
         */
        post: operations["attachTagByName"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{taskId}/tags/{tagId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Attach a tag to a task
         * @description Idempotent.
         */
        put: operations["attachTag"];
        post?: never;
        /**
         * Detach a tag from a task
         * @description Idempotent.
         */
        delete: operations["detachTag"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my API tokens
         * @description Those not revoked, oldest first; never their secrets.
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Make an API token
         * @description The secret is in the answer, this once: only its hash is kept.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API token
         * @description It is refused from now on (by every process within 10 seconds).
         */
        delete: operations["deleteToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Oldest first (the administrator first). Administrator only.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user
         * @description With its first API token, in the answer this once. Administrator only.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a user and all its data
         * @description Its tasks (with their tag links, reminders and recurrences), its tags and its tokens go with it. The administrator cannot be deleted (422). Administrator only.
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AttachTagByNameDto: {
            /**
             * @description Trimmed; unique case-insensitively; at least one visible character, no comma, no control character.
             * @example urgent
             */
            name: string;
            /**
             * @description `#rrggbb` in any case; stored and returned lowercase.
             * @example #e5484d
             */
            color?: string | null;
        };
        CreatedTokenDto: {
            /**
             * Format: uuid
             * @example 8b2e4c6a-1d3f-4a5b-8c7d-9e0f1a2b3c4d
             */
            id: string;
            /** @example laptop */
            name: string;
            /**
             * @description The first characters of the secret, to tell tokens apart.
             * @example tapi_q8Xv2bN
             */
            prefix: string;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When it last authenticated a request (recorded every few seconds).
             * @example 2026-11-30T08:15:00.000Z
             */
            lastUsedAt: string | null;
            /**
             * Format: date-time
             * @description After this instant it is refused; null: it does not expire.
             * @example null
             */
            expiresAt: string | null;
            /**
             * @description The secret, for `Authorization: Bearer <token>`. Shown once: only its hash is kept.
             * @example tapi_q8Xv2bN4mR7tY1wZ3cK5pL9sD0fG6hJ2aE4uI8oV7nM
             */
            token: string;
        };
        CreatedUserDto: {
            /**
             * Format: uuid
             * @example 5d1f8c2e-7a4b-4c3d-9e8f-0a1b2c3d4e5f
             */
            id: string;
            /** @example Ada Lovelace */
            name: string;
            /**
             * @description The user's first API token. Shown once: only its hash is kept.
             * @example tapi_q8Xv2bN4mR7tY1wZ3cK5pL9sD0fG6hJ2aE4uI8oV7nM
             */
            token: string;
        };
        CreateReminderDto: {
            /**
             * Format: uuid
             * @example 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b
             */
            taskId: string;
            /**
             * Format: date-time
             * @description Absolute time, in the future, with an offset. Not with `offsetMinutes`.
             * @example 2026-12-01T08:30:00Z
             */
            remindAt?: string;
            /**
             * @description Relative: minutes before the task is due (422 if it has no due date). Not with `remindAt`; `null` says "not relative", so it may come with a `remindAt`.
             * @example 30
             */
            offsetMinutes?: number | null;
            /** @example Bring the photos. */
            note?: string | null;
        };
        CreateTagDto: {
            /**
             * @description Trimmed; unique case-insensitively; at least one visible character, no comma, no control character.
             * @example urgent
             */
            name: string;
            /**
             * @description `#rrggbb` in any case; stored and returned lowercase.
             * @example #e5484d
             */
            color?: string | null;
        };
        CreateTaskDto: {
            /** @example Renew passport */
            title: string;
            /** @example Photos first. */
            description?: string | null;
            /**
             * @default todo
             * @example todo
             * @enum {string}
             */
            status?: "todo" | "in_progress" | "done";
            /**
             * @default normal
             * @example high
             * @enum {string}
             */
            priority?: "low" | "normal" | "high" | "urgent";
            /**
             * Format: date-time
             * @description RFC 3339 instant with an offset; a naive date-time is refused.
             * @example 2026-12-01T09:00:00Z
             */
            dueAt?: string | null;
        };
        CreateTaskReminderDto: {
            /**
             * Format: date-time
             * @description Absolute time, in the future, with an offset. Not with `offsetMinutes`.
             * @example 2026-12-01T08:30:00Z
             */
            remindAt?: string;
            /**
             * @description Relative: minutes before the task is due (422 if it has no due date). Not with `remindAt`; `null` says "not relative", so it may come with a `remindAt`.
             * @example 30
             */
            offsetMinutes?: number | null;
            /** @example Bring the photos. */
            note?: string | null;
        };
        CreateTokenDto: {
            /**
             * @description What the token is for; trimmed.
             * @example laptop
             */
            name: string;
            /**
             * Format: date-time
             * @description A future instant after which the token is refused; absent or null: never.
             * @example 2027-06-01T00:00:00Z
             */
            expiresAt?: string | null;
        };
        CreateUserDto: {
            /**
             * @description Trimmed; at least one visible character, no control character.
             * @example Ada Lovelace
             */
            name: string;
        };
        FieldErrorDto: {
            /** @example title */
            field: string;
            /** @example title must be longer than or equal to 1 characters */
            message: string;
        };
        ProblemDetailsDto: {
            /** @example /problems/validation-error */
            type: string;
            /** @example Invalid request */
            title: string;
            /** @example 400 */
            status: number;
            /** @example The request is invalid. */
            detail: string;
            /** @example /tasks */
            instance: string;
            errors?: components["schemas"]["FieldErrorDto"][];
        };
        PutRecurrenceDto: {
            /**
             * @description An RFC 5545 RRULE value, without `RRULE:` or DTSTART (the task’s `dueAt` is the start): FREQ is HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY; COUNT or UNTIL (a UTC date-time, `20271231T230000Z`) end it.
             * @example FREQ=WEEKLY;BYDAY=MO,TH
             */
            rule: string;
            /**
             * @description An IANA time zone; wall-clock time is kept in it across DST changes.
             * @example Europe/Berlin
             */
            timezone: string;
        };
        RecurrenceCompletionDto: {
            /**
             * Format: uuid
             * @example 7c1f9e2a-3b4d-4c5e-8f6a-0b1c2d3e4f5a
             */
            id: string;
            /**
             * Format: date-time
             * @description The occurrence completed: the task’s `dueAt` then.
             * @example 2026-11-30T08:00:00.000Z
             */
            dueAt: string;
            /**
             * Format: date-time
             * @example 2026-11-30T09:12:44.120Z
             */
            completedAt: string;
        };
        RecurrenceDto: {
            /**
             * @description An RFC 5545 RRULE value: FREQ (HOURLY to YEARLY), COUNT or UNTIL (UTC).
             * @example FREQ=WEEKLY;BYDAY=MO,TH
             */
            rule: string;
            /**
             * @description The IANA zone the rule is evaluated in.
             * @example Europe/Berlin
             */
            timezone: string;
            /**
             * Format: date-time
             * @description The occurrence after the task’s current `dueAt`; null when the rule has none.
             * @example 2026-12-03T08:00:00.000Z
             */
            nextDueAt: string | null;
            /**
             * @description Occurrences completed so far.
             * @example 2
             */
            completedCount: number;
        };
        RecurrenceHistoryPageDto: {
            items: components["schemas"]["RecurrenceCompletionDto"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        ReminderDeliveryDto: {
            /**
             * Format: uuid
             * @example 9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a
             */
            id: string;
            /**
             * Format: uuid
             * @description The `webhook-id` header: the same for every retry of one firing.
             * @example 3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9
             */
            webhookId: string;
            /**
             * @description Attempt number within the firing, from 1.
             * @example 1
             */
            attempt: number;
            /**
             * @description `log` when no webhook is configured.
             * @example webhook
             * @enum {string}
             */
            channel: "webhook" | "log";
            /**
             * @description `delivered`; `retrying` (failed, another attempt is scheduled); `failed` (failed for good).
             * @example delivered
             * @enum {string}
             */
            outcome: "delivered" | "retrying" | "failed";
            /**
             * Format: date-time
             * @example 2026-12-01T08:30:00.412Z
             */
            attemptedAt: string;
            /** @example 200 */
            httpStatus: number | null;
            /** @example null */
            error: string | null;
            /** @example 12 */
            durationMs: number;
        };
        ReminderDeliveryPageDto: {
            items: components["schemas"]["ReminderDeliveryDto"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        ReminderDto: {
            /**
             * Format: uuid
             * @example 5f0c9a7e-2b1d-4c3e-8f9a-0b1c2d3e4f5a
             */
            id: string;
            /**
             * Format: uuid
             * @example 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b
             */
            taskId: string;
            /**
             * Format: date-time
             * @description When it fires; for a relative reminder, `offsetMinutes` before the due date.
             * @example 2026-12-01T08:30:00.000Z
             */
            remindAt: string;
            /**
             * @description Relative reminder: minutes before the task is due; it follows the due date.
             * @example 30
             */
            offsetMinutes: number | null;
            /** @example Bring the photos. */
            note: string | null;
            /**
             * @example scheduled
             * @enum {string}
             */
            status: "scheduled" | "delivered" | "failed" | "cancelled";
            /**
             * @description Delivery attempts of the current firing so far.
             * @example 0
             */
            attempts: number;
            /**
             * Format: date-time
             * @example null
             */
            deliveredAt: string | null;
            /**
             * @description Why the last attempt failed.
             * @example null
             */
            lastError: string | null;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            updatedAt: string;
        };
        ReminderPageDto: {
            items: components["schemas"]["ReminderDto"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        ReplaceTaskTagsDto: {
            /**
             * @description The task's whole new set of tags; `[]` removes them all. Repeats count once.
             * @example [
             *       "6a0c2d5e-8f1b-4c3d-9e7f-2a4b6c8d0e1f"
             *     ]
             */
            tagIds: string[];
        };
        SnoozeReminderDto: {
            /**
             * @description Fire again this many minutes from now (up to 7 days).
             * @example 15
             */
            minutes: number;
        };
        TagDto: {
            /**
             * Format: uuid
             * @example 6a0c2d5e-8f1b-4c3d-9e7f-2a4b6c8d0e1f
             */
            id: string;
            /**
             * @description As first spelled.
             * @example urgent
             */
            name: string;
            /** @example #e5484d */
            color: string | null;
            /**
             * @description Number of tasks carrying the tag.
             * @example 3
             */
            taskCount: number;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            updatedAt: string;
        };
        TagPageDto: {
            items: components["schemas"]["TagDto"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        TagSummaryDto: {
            /**
             * Format: uuid
             * @example 6a0c2d5e-8f1b-4c3d-9e7f-2a4b6c8d0e1f
             */
            id: string;
            /**
             * @description As first spelled.
             * @example urgent
             */
            name: string;
            /** @example #e5484d */
            color: string | null;
        };
        TaskDto: {
            /**
             * Format: uuid
             * @example 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b
             */
            id: string;
            /** @example Renew passport */
            title: string;
            /** @example Photos first. */
            description: string | null;
            /**
             * @example todo
             * @enum {string}
             */
            status: "todo" | "in_progress" | "done";
            /**
             * @example high
             * @enum {string}
             */
            priority: "low" | "normal" | "high" | "urgent";
            /**
             * Format: date-time
             * @example 2026-12-01T09:00:00.000Z
             */
            dueAt: string | null;
            /**
             * Format: date-time
             * @description Set by the server when the status becomes done; cleared when it leaves done.
             * @example null
             */
            completedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            updatedAt: string;
            /**
             * @description Increments on every change; the ETag is derived from it.
             * @example 1
             */
            version: number;
            /** @description The tags of the task, sorted by name (contributed by the tags library). */
            tags: components["schemas"]["TagSummaryDto"][];
            /** @description The reminders of the task, by `remindAt`. */
            reminders: components["schemas"]["ReminderDto"][];
            /** @description How the task recurs (as `RecurrenceDto`), or null (contributed by the recurrence library). */
            recurrence: {
                /** @example FREQ=WEEKLY;BYDAY=MO,TH */
                rule: string;
                /** @example Europe/Berlin */
                timezone: string;
                /**
                 * Format: date-time
                 * @example 2026-12-03T08:00:00.000Z
                 */
                nextDueAt: string | null;
                /** @example 2 */
                completedCount: number;
            } | null;
        };
        TaskPageDto: {
            items: components["schemas"]["TaskDto"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        TokenDto: {
            /**
             * Format: uuid
             * @example 8b2e4c6a-1d3f-4a5b-8c7d-9e0f1a2b3c4d
             */
            id: string;
            /** @example laptop */
            name: string;
            /**
             * @description The first characters of the secret, to tell tokens apart.
             * @example tapi_q8Xv2bN
             */
            prefix: string;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When it last authenticated a request (recorded every few seconds).
             * @example 2026-11-30T08:15:00.000Z
             */
            lastUsedAt: string | null;
            /**
             * Format: date-time
             * @description After this instant it is refused; null: it does not expire.
             * @example null
             */
            expiresAt: string | null;
        };
        TokenPageDto: {
            items: components["schemas"]["TokenDto"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        UpdateReminderDto: {
            /**
             * Format: date-time
             * @description Absolute time, in the future, with an offset. Not with `offsetMinutes`.
             * @example 2026-12-01T08:30:00Z
             */
            remindAt?: string;
            /**
             * @description Relative: minutes before the task is due (422 if it has no due date). Not with `remindAt`; `null` says "not relative", so it may come with a `remindAt`.
             * @example 30
             */
            offsetMinutes?: number | null;
            /** @example Bring the photos. */
            note?: string | null;
        };
        UpdateTagDto: {
            /** @example Urgent */
            name?: string;
            /** @example #e5484d */
            color?: string | null;
        };
        UpdateTaskDto: {
            /** @example Photos first. */
            description?: string | null;
            /**
             * @default todo
             * @example todo
             * @enum {string}
             */
            status?: "todo" | "in_progress" | "done";
            /**
             * @default normal
             * @example high
             * @enum {string}
             */
            priority?: "low" | "normal" | "high" | "urgent";
            /**
             * Format: date-time
             * @description RFC 3339 instant with an offset; a naive date-time is refused.
             * @example 2026-12-01T09:00:00Z
             */
            dueAt?: string | null;
            /** @example Renew passport and ID card */
            title?: string;
        };
        UserDto: {
            /**
             * Format: uuid
             * @example 5d1f8c2e-7a4b-4c3d-9e8f-0a1b2c3d4e5f
             */
            id: string;
            /** @example Ada Lovelace */
            name: string;
            /**
             * @description The administrator manages users.
             * @example false
             */
            administrator: boolean;
            /**
             * Format: date-time
             * @example 2026-11-29T10:00:00.000Z
             */
            createdAt: string;
        };
        UserPageDto: {
            items: components["schemas"]["UserDto"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
    };
    responses: never;
    parameters: {
        /**
         * @description Makes a retry safe (IETF httpapi draft): a retry with the same key and the same request within 24 hours gets the first response again, marked `Idempotent-Replayed: true`, and does nothing again. Only successes are kept: after a 4xx or 5xx the key may be used again. The same key with another body is a 422; a retry while the first request runs is a 409. Up to 255 printable ASCII characters, bare or as a quoted string; a UUID is typical.
         * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
         */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status?: "ok";
                        info?: Record<string, never>;
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status?: "ok";
                        info?: Record<string, never>;
                    };
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unreachable. Retry shortly.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listReminders: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from the `nextCursor` of the previous page. */
                cursor?: string;
                taskId?: string;
                /** @description One or several statuses, comma-separated or repeated. */
                status?: ("scheduled" | "delivered" | "failed" | "cancelled")[];
                /** @description Only reminders firing strictly before this instant. */
                dueBefore?: string;
                /** @description Only reminders firing at or after this instant. */
                dueAfter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderPageDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    createReminder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (IETF httpapi draft): a retry with the same key and the same request within 24 hours gets the first response again, marked `Idempotent-Replayed: true`, and does nothing again. Only successes are kept: after a 4xx or 5xx the key may be used again. The same key with another body is a 422; a retry while the first request runs is a 409. Up to 255 printable ASCII characters, bare or as a quoted string; a UUID is typical.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReminderDto"];
            };
        };
        responses: {
            /** @description Created; `Location` names it. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Conflict: the first request with this Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/idempotency-key-in-flight",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The first request with this Idempotency-Key is still being processed; retry shortly.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/content-too-large",
                     *       "title": "Content Too Large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than the limit of this API.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "The request body must be sent as application/json.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unprocessable Content; also when this Idempotency-Key was used with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unprocessable-content",
                     *       "title": "Unprocessable Content",
                     *       "status": 422,
                     *       "detail": "The request is well-formed but cannot be carried out.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getReminder: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier read: 304 without a body while it is still current. */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reminder; `ETag` identifies this state of it. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderDto"];
                };
            };
            /** @description Not modified: the ETag sent is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    deleteReminder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from the last read; a stale one is refused with 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/precondition-failed",
                     *       "title": "Precondition Failed",
                     *       "status": 412,
                     *       "detail": "The task has changed (its ETag is now \"4\"); fetch it again and retry.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    updateReminder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from the last read; a stale one is refused with 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateReminderDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/precondition-failed",
                     *       "title": "Precondition Failed",
                     *       "status": 412,
                     *       "detail": "The task has changed (its ETag is now \"4\"); fetch it again and retry.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/content-too-large",
                     *       "title": "Content Too Large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than the limit of this API.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "The request body must be sent as application/json.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unprocessable-content",
                     *       "title": "Unprocessable Content",
                     *       "status": 422,
                     *       "detail": "The request is well-formed but cannot be carried out.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listReminderDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from the `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderDeliveryPageDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    snoozeReminder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from the last read; a stale one is refused with 412. */
                "If-Match"?: string;
                /**
                 * @description Makes a retry safe (IETF httpapi draft): a retry with the same key and the same request within 24 hours gets the first response again, marked `Idempotent-Replayed: true`, and does nothing again. Only successes are kept: after a 4xx or 5xx the key may be used again. The same key with another body is a 422; a retry while the first request runs is a 409. Up to 255 printable ASCII characters, bare or as a quoted string; a UUID is typical.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SnoozeReminderDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Conflict: the first request with this Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/idempotency-key-in-flight",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The first request with this Idempotency-Key is still being processed; retry shortly.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/precondition-failed",
                     *       "title": "Precondition Failed",
                     *       "status": 412,
                     *       "detail": "The task has changed (its ETag is now \"4\"); fetch it again and retry.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/content-too-large",
                     *       "title": "Content Too Large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than the limit of this API.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "The request body must be sent as application/json.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unprocessable Content; also when this Idempotency-Key was used with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unprocessable-content",
                     *       "title": "Unprocessable Content",
                     *       "status": 422,
                     *       "detail": "The request is well-formed but cannot be carried out.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listTags: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from the `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Only tags whose name starts with this text (case-insensitive). */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagPageDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    createTag: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (IETF httpapi draft): a retry with the same key and the same request within 24 hours gets the first response again, marked `Idempotent-Replayed: true`, and does nothing again. Only successes are kept: after a 4xx or 5xx the key may be used again. The same key with another body is a 422; a retry while the first request runs is a 409. Up to 255 printable ASCII characters, bare or as a quoted string; a UUID is typical.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTagDto"];
            };
        };
        responses: {
            /** @description Created; `Location` names the new tag. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Another tag has this name (in any case); `existingId` names it; also when the first request with this Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/tag-name-taken",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "A tag named \"urgent\" already exists.",
                     *       "instance": "/tags",
                     *       "existingId": "6a0c2d5e-8f1b-4c3d-9e7f-2a4b6c8d0e1f"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"] & {
                        /** Format: uuid */
                        existingId: string;
                    };
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/content-too-large",
                     *       "title": "Content Too Large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than the limit of this API.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "The request body must be sent as application/json.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unprocessable Content: this Idempotency-Key was used with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/idempotency-key-reused",
                     *       "title": "Unprocessable Content",
                     *       "status": 422,
                     *       "detail": "This Idempotency-Key was used with another request (method, path or body); use a new key for a new request.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getTag: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier read: 304 without a body while it is still current. */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tag; `ETag` identifies this state of it, its count included. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagDto"];
                };
            };
            /** @description Not modified: the ETag sent is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    deleteTag: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from the last read; a stale one is refused with 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/precondition-failed",
                     *       "title": "Precondition Failed",
                     *       "status": 412,
                     *       "detail": "The task has changed (its ETag is now \"4\"); fetch it again and retry.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    updateTag: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from the last read; a stale one is refused with 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTagDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Another tag has this name (in any case); `existingId` names it. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/tag-name-taken",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "A tag named \"urgent\" already exists.",
                     *       "instance": "/tags",
                     *       "existingId": "6a0c2d5e-8f1b-4c3d-9e7f-2a4b6c8d0e1f"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"] & {
                        /** Format: uuid */
                        existingId: string;
                    };
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/precondition-failed",
                     *       "title": "Precondition Failed",
                     *       "status": 412,
                     *       "detail": "The task has changed (its ETag is now \"4\"); fetch it again and retry.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/content-too-large",
                     *       "title": "Content Too Large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than the limit of this API.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "The request body must be sent as application/json.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listTagTasks: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from the `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPageDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from the `nextCursor` of the previous page. */
                cursor?: string;
                /** @description One or several statuses, comma-separated or repeated. */
                status?: ("todo" | "in_progress" | "done")[];
                /** @description One or several priorities, comma-separated or repeated. */
                priority?: ("low" | "normal" | "high" | "urgent")[];
                /** @description Only tasks due strictly before this instant. */
                dueBefore?: string;
                /** @description Only tasks due at or after this instant. */
                dueAfter?: string;
                /** @description Case-insensitive search in title and description. */
                q?: string;
                /** @description Sort key; `-` for descending. Ties are broken by id; tasks without a due date come last. */
                sort?: "createdAt" | "-createdAt" | "dueAt" | "-dueAt" | "priority" | "-priority";
                /**
                 * @description Tag names, comma-separated or repeated (case-insensitive, at most 50); how they combine is `tagMatch`.
                 * @example urgent,home
                 */
                tags?: string;
                /**
                 * @description With `tags`: `any` (at least one of them, the default), `all` (every one) or `none` (none of them; untagged tasks included).
                 * @example all
                 */
                tagMatch?: "any" | "all" | "none";
                /**
                 * @description `true`: only tasks without any tag; `false`: only tasks with at least one.
                 * @example true
                 */
                untagged?: boolean;
                /**
                 * @description Only tasks with (`true`) or without (`false`) a scheduled reminder.
                 * @example true
                 */
                hasPendingReminder?: boolean;
                /**
                 * @description Only tasks with (`true`) or without (`false`) a recurrence.
                 * @example true
                 */
                recurring?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPageDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (IETF httpapi draft): a retry with the same key and the same request within 24 hours gets the first response again, marked `Idempotent-Replayed: true`, and does nothing again. Only successes are kept: after a 4xx or 5xx the key may be used again. The same key with another body is a 422; a retry while the first request runs is a 409. Up to 255 printable ASCII characters, bare or as a quoted string; a UUID is typical.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskDto"];
            };
        };
        responses: {
            /** @description Created; `Location` names the new task. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Conflict: the first request with this Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/idempotency-key-in-flight",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The first request with this Idempotency-Key is still being processed; retry shortly.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/content-too-large",
                     *       "title": "Content Too Large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than the limit of this API.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "The request body must be sent as application/json.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unprocessable Content: this Idempotency-Key was used with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/idempotency-key-reused",
                     *       "title": "Unprocessable Content",
                     *       "status": 422,
                     *       "detail": "This Idempotency-Key was used with another request (method, path or body); use a new key for a new request.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier read: 304 without a body while it is still current. */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task with its tags and reminders; `ETag` covers all of it. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description Not modified: the ETag sent is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    deleteTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the task as last read (`GET`, or the answer of a write). It covers the whole view, its tags and reminders included, so a task whose tags or reminders changed since is refused with 412 too. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/precondition-failed",
                     *       "title": "Precondition Failed",
                     *       "status": 412,
                     *       "detail": "The task has changed (its ETag is now \"4\"); fetch it again and retry.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the task as last read (`GET`, or the answer of a write). It covers the whole view, its tags and reminders included, so a task whose tags or reminders changed since is refused with 412 too. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/precondition-failed",
                     *       "title": "Precondition Failed",
                     *       "status": 412,
                     *       "detail": "The task has changed (its ETag is now \"4\"); fetch it again and retry.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/content-too-large",
                     *       "title": "Content Too Large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than the limit of this API.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "The request body must be sent as application/json.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unprocessable-content",
                     *       "title": "Unprocessable Content",
                     *       "status": 422,
                     *       "detail": "The request is well-formed but cannot be carried out.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getTaskRecurrence: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier read: 304 without a body while it is still current. */
                "If-None-Match"?: string;
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The recurrence; `ETag` identifies this state of it. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecurrenceDto"];
                };
            };
            /** @description Not modified: the ETag sent is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    putTaskRecurrence: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from the last read; a stale one is refused with 412. */
                "If-Match"?: string;
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutRecurrenceDto"];
            };
        };
        responses: {
            /** @description `ETag` identifies this state of it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecurrenceDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/precondition-failed",
                     *       "title": "Precondition Failed",
                     *       "status": 412,
                     *       "detail": "The task has changed (its ETag is now \"4\"); fetch it again and retry.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/content-too-large",
                     *       "title": "Content Too Large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than the limit of this API.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "The request body must be sent as application/json.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unprocessable-content",
                     *       "title": "Unprocessable Content",
                     *       "status": 422,
                     *       "detail": "The request is well-formed but cannot be carried out.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    deleteTaskRecurrence: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from the last read; a stale one is refused with 412. */
                "If-Match"?: string;
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/precondition-failed",
                     *       "title": "Precondition Failed",
                     *       "status": 412,
                     *       "detail": "The task has changed (its ETag is now \"4\"); fetch it again and retry.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listTaskRecurrenceHistory: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from the `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecurrenceHistoryPageDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listTaskReminders: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from the `nextCursor` of the previous page. */
                cursor?: string;
                /** @description One or several statuses, comma-separated or repeated. */
                status?: ("scheduled" | "delivered" | "failed" | "cancelled")[];
                /** @description Only reminders firing strictly before this instant. */
                dueBefore?: string;
                /** @description Only reminders firing at or after this instant. */
                dueAfter?: string;
            };
            header?: never;
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderPageDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    createTaskReminder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (IETF httpapi draft): a retry with the same key and the same request within 24 hours gets the first response again, marked `Idempotent-Replayed: true`, and does nothing again. Only successes are kept: after a 4xx or 5xx the key may be used again. The same key with another body is a 422; a retry while the first request runs is a 409. Up to 255 printable ASCII characters, bare or as a quoted string; a UUID is typical.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskReminderDto"];
            };
        };
        responses: {
            /** @description Created; `Location` names it. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Conflict: the first request with this Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/idempotency-key-in-flight",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The first request with this Idempotency-Key is still being processed; retry shortly.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/content-too-large",
                     *       "title": "Content Too Large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than the limit of this API.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "The request body must be sent as application/json.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unprocessable Content; also when this Idempotency-Key was used with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unprocessable-content",
                     *       "title": "Unprocessable Content",
                     *       "status": 422,
                     *       "detail": "The request is well-formed but cannot be carried out.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listTaskTags: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from the `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagPageDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    replaceTaskTags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceTaskTagsDto"];
            };
        };
        responses: {
            /** @description The task's new set of tags. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagPageDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/content-too-large",
                     *       "title": "Content Too Large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than the limit of this API.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "The request body must be sent as application/json.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    attachTagByName: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (IETF httpapi draft): a retry with the same key and the same request within 24 hours gets the first response again, marked `Idempotent-Replayed: true`, and does nothing again. Only successes are kept: after a 4xx or 5xx the key may be used again. The same key with another body is a 422; a retry while the first request runs is a 409. Up to 255 printable ASCII characters, bare or as a quoted string; a UUID is typical.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttachTagByNameDto"];
            };
        };
        responses: {
            /** @description The tag existed; it is attached. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagDto"];
                };
            };
            /** @description The tag was created (and attached). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Conflict: the first request with this Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/idempotency-key-in-flight",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The first request with this Idempotency-Key is still being processed; retry shortly.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/content-too-large",
                     *       "title": "Content Too Large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than the limit of this API.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "The request body must be sent as application/json.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unprocessable Content: this Idempotency-Key was used with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/idempotency-key-reused",
                     *       "title": "Unprocessable Content",
                     *       "status": 422,
                     *       "detail": "This Idempotency-Key was used with another request (method, path or body); use a new key for a new request.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    attachTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                taskId: string;
                tagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task carries the tag. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    detachTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                taskId: string;
                tagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task does not carry the tag. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from the `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPageDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (IETF httpapi draft): a retry with the same key and the same request within 24 hours gets the first response again, marked `Idempotent-Replayed: true`, and does nothing again. Only successes are kept: after a 4xx or 5xx the key may be used again. The same key with another body is a 422; a retry while the first request runs is a 409. Up to 255 printable ASCII characters, bare or as a quoted string; a UUID is typical.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenDto"];
            };
        };
        responses: {
            /** @description Made; `token` is the secret. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedTokenDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Conflict: the first request with this Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/idempotency-key-in-flight",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The first request with this Idempotency-Key is still being processed; retry shortly.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/content-too-large",
                     *       "title": "Content Too Large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than the limit of this API.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "The request body must be sent as application/json.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unprocessable Content: this Idempotency-Key was used with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/idempotency-key-reused",
                     *       "title": "Unprocessable Content",
                     *       "status": 422,
                     *       "detail": "This Idempotency-Key was used with another request (method, path or body); use a new key for a new request.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    deleteToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from the `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "Only the administrator may do this.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (IETF httpapi draft): a retry with the same key and the same request within 24 hours gets the first response again, marked `Idempotent-Replayed: true`, and does nothing again. Only successes are kept: after a 4xx or 5xx the key may be used again. The same key with another body is a 422; a retry while the first request runs is a 409. Up to 255 printable ASCII characters, bare or as a quoted string; a UUID is typical.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description Created; `token` is its secret. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedUserDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "Only the administrator may do this.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Conflict: the first request with this Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/idempotency-key-in-flight",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "The first request with this Idempotency-Key is still being processed; retry shortly.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Content Too Large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/content-too-large",
                     *       "title": "Content Too Large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than the limit of this API.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "The request body must be sent as application/json.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unprocessable Content: this Idempotency-Key was used with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/idempotency-key-reused",
                     *       "title": "Unprocessable Content",
                     *       "status": 422,
                     *       "detail": "This Idempotency-Key was used with another request (method, path or body); use a new key for a new request.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, with everything it owned. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation-error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "detail": "The request is invalid.",
                     *       "instance": "/tasks",
                     *       "errors": [
                     *         {
                     *           "field": "title",
                     *           "message": "title should not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    /** @description The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The bearer token is not known.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "Only the administrator may do this.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unprocessable Content */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/unprocessable-content",
                     *       "title": "Unprocessable Content",
                     *       "status": 422,
                     *       "detail": "The request is well-formed but cannot be carried out.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Too Many Requests */
            429: {
                headers: {
                    /** @description Seconds until the budget renews. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per minute (IETF draft header; on every limited response). */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current minute ends. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: the limit is 1200 per minute. Retry in 42 seconds.",
                     *       "instance": "/tasks"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
}
