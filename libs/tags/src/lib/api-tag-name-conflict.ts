import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto } from '@task-api/core';

/** Documents the 409 of a taken tag name: a problem with the existing tag's id. */
export function ApiTagNameConflict(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ApiResponse({
      status: 409,
      description: 'Another tag has this name (in any case); `existingId` names it.',
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          schema: {
            allOf: [
              { $ref: getSchemaPath(ProblemDetailsDto) },
              {
                type: 'object',
                required: ['existingId'],
                properties: { existingId: { type: 'string', format: 'uuid' } },
              },
            ],
          },
          example: {
            type: '/problems/tag-name-taken',
            title: 'Conflict',
            status: 409,
            detail: 'A tag named "urgent" already exists.',
            instance: '/tags',
            existingId: '6a0c2d5e-8f1b-4c3d-9e7f-2a4b6c8d0e1f',
          },
        },
      },
    }),
  );
}
