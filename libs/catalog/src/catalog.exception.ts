import { DomainException } from '@intradesk/core';

export class CatalogException extends DomainException {}
