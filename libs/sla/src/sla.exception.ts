import { DomainException } from '@intradesk/core';

export class SlaException extends DomainException {}
