// How a person gets e-mail of one notification kind.
export enum MailChoice {
  IMMEDIATE = 'IMMEDIATE',
  DIGEST = 'DIGEST',
  OFF = 'OFF',
}

export const DEFAULT_MAIL_CHOICE = MailChoice.IMMEDIATE;
