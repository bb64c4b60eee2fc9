import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainException } from '../errors/domain.exception';

// For scalar ID arguments: a malformed id is the caller's mistake, not a server error.
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string | null | undefined> {
  transform(value: unknown, metadata: ArgumentMetadata): string | null | undefined {
    if (value === null || value === undefined) return value;
    if (typeof value === 'string' && isUUID(value)) return value.toLowerCase();
    const name = metadata.data ?? 'id';
    throw DomainException.badInput(`${name} must be an id (UUID)`, [name]);
  }
}
