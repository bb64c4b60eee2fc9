// The time source: where every "now" comes from, injected (the class is the token) so that tests
// can move time instead of sleeping. Not to be confused with the SLA clocks (libs/sla clocks),
// which count business time against a target.
export abstract class TimeSource {
  abstract now(): Date;
}

export class SystemTimeSource extends TimeSource {
  now(): Date {
    return new Date();
  }
}

export class ManualTimeSource extends TimeSource {
  constructor(private current: Date = new Date()) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(at: Date): void {
    this.current = new Date(at.getTime());
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
