import { ADMINISTRATORS } from '@intradesk/core';

// @Roles of incomingMailCounts: what the SMTP receiver did with incoming mail is for
// administrators.
export const INCOMING_MAIL_OVERSEERS = ADMINISTRATORS;
