import { DomainException } from '@intradesk/core';

export class RequestsException extends DomainException {}
