import { DomainException } from '@intradesk/core';

export class OrganizationException extends DomainException {}
