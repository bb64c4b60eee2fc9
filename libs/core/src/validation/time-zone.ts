import { IANAZone } from 'luxon';
import { registerDecorator, ValidationOptions } from 'class-validator';

// IANA names only ("Europe/London", "UTC"); fixed offsets and abbreviations are refused.
export function isIanaTimeZone(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 64 &&
    /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value) &&
    IANAZone.isValidZone(value)
  );
}

export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone such as Europe/London', ...options },
      validator: { validate: (value: unknown) => isIanaTimeZone(value) },
    });
}
