import { DomainException } from '@intradesk/core';

export class FeedbackException extends DomainException {}
