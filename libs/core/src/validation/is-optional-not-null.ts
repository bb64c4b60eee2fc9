import { ValidateIf } from 'class-validator';

// For fields of update inputs: leaving one out keeps the stored value, but an explicit null is
// validated like any other value (and refused by the type check), since the column has no null.
export function IsOptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}
