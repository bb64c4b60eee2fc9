import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IdField, PageSizeField } from '@intradesk/core';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_WINDOW_MINUTES = 366 * 1440;

const windowMessage = `withinMinutes must be between 0 and ${MAX_WINDOW_MINUTES}`;

// How far ahead "due soon" looks, in minutes (a year at most).
function WindowField(defaultValue?: number) {
  return applyDecorators(
    Field(() => Int, defaultValue === undefined ? {} : { defaultValue }),
    IsInt({ message: windowMessage }),
    Min(0, { message: windowMessage }),
    Max(MAX_WINDOW_MINUTES, { message: windowMessage }),
  );
}

@ArgsType()
export class AtRiskArgs {
  @IdField()
  supplierId: string;

  @WindowField()
  withinMinutes: number;

  @PageSizeField({ defaultValue: 50, nullable: true })
  first: number;
}

@ArgsType()
export class QueueHealthArgs {
  @IdField()
  departmentId: string;

  @WindowField(240)
  withinMinutes: number;
}

@ArgsType()
export class EscalationsArgs {
  @IdField()
  departmentId: string;

  @PageSizeField({ defaultValue: 20 })
  first: number;
}
