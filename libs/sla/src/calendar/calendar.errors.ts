// Raised by the pure calendar math; the service layer maps it to BAD_USER_INPUT.
export class CalendarError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}
