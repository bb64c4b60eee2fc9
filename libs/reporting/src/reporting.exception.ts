import { DomainException } from '@intradesk/core';

export class ReportingException extends DomainException {}
