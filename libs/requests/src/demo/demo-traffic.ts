import { Priority } from '@intradesk/catalog';

// The demo's traffic model: who asks whom for what, how often, how hard it is, and what people
// write along the way. demo-history.ts turns it into months of timelines.

export interface TrafficService {
  supplier: string;
  // null: a request outside the catalogue.
  service: string | null;
  // Share of the organisation's traffic (relative).
  weight: number;
  // Who files it (relative weights by department code; unlisted departments never do).
  customers: Record<string, number>;
  defaultPriority: Priority;
  // Median resolution effort as a share of the target, and its spread (lognormal sigma): the
  // higher the pace, the more breaches.
  pace: number;
  spread: number;
  // Chance the supplier has to ask the customer something on the way.
  waitChance: number;
  titles: string[];
  questions: string[];
  answers: string[];
  resolutions: string[];
}

// How many people each department has, roughly: who files most.
const HEADCOUNT: Record<string, number> = {
  CO: 0.4,
  OPS: 0.8,
  PROD: 2.5,
  'LINE-A': 3,
  LOG: 2.2,
  CORP: 0.4,
  FIN: 1.4,
  PAY: 0.7,
  HR: 1.1,
  IT: 0.8,
  COM: 0.4,
  MKT: 1.8,
  SALES: 2.4,
};

const everyone = (overrides: Record<string, number> = {}): Record<string, number> => ({
  ...HEADCOUNT,
  ...overrides,
});

export const TRAFFIC: TrafficService[] = [
  {
    supplier: 'IT',
    service: 'Laptop',
    weight: 7,
    customers: everyone({ 'LINE-A': 0.6, MKT: 2.6 }),
    defaultPriority: Priority.P3,
    pace: 0.42,
    spread: 0.6,
    waitChance: 0.3,
    titles: [
      'Laptop for a new starter',
      'Replacement laptop: the battery is swollen',
      'Laptop keeps running out of disk space',
      'Laptop with more memory for video editing',
      'Loan laptop for the trade fair',
      'Laptop screen cracked',
      'New laptop for a returning colleague',
      'Laptop too slow for the design tools',
    ],
    questions: [
      'Which keyboard layout and screen size would you like?',
      'Can you confirm the start date and the cost centre?',
      'Do you need the design suite or the standard image?',
    ],
    answers: [
      'UK layout, 14-inch please.',
      'Starts on Monday; cost centre is on the form now.',
      'The design suite, please.',
    ],
    resolutions: [
      'Laptop is ready to collect from the IT desk.',
      'Delivered and set up; old unit wiped and recycled.',
      'Swapped the unit and moved the files across.',
    ],
  },
  {
    supplier: 'IT',
    service: 'Access and accounts',
    weight: 11,
    customers: everyone({ IT: 0.3 }),
    defaultPriority: Priority.P2,
    pace: 0.3,
    spread: 0.85,
    waitChance: 0.25,
    titles: [
      'Access to the shared finance drive',
      'Reset multi-factor sign-in for a colleague',
      'Account for a new starter',
      'Remove access for a leaver',
      'VPN access for a contractor',
      'Add the team to the reporting workspace',
      'Mailbox for the customer events address',
      'Locked out of the expenses system',
    ],
    questions: [
      'Who approves this access? Please ask your lead to confirm here.',
      'What is the contractor’s end date?',
      'Which folders exactly should they see?',
    ],
    answers: ['Confirmed by my lead, thanks.', 'End of March.', 'Only the reports folder.'],
    resolutions: [
      'Access granted; it can take 15 minutes to appear.',
      'Account created; the password was sent by text message.',
      'Done, and the old access removed.',
    ],
  },
  {
    supplier: 'IT',
    service: 'Equipment repair',
    weight: 8,
    customers: everyone({ PROD: 4, 'LINE-A': 6, LOG: 3.5, MKT: 0.6, FIN: 0.6 }),
    defaultPriority: Priority.P2,
    pace: 0.38,
    spread: 0.8,
    waitChance: 0.2,
    titles: [
      'Barcode scanner not reading labels',
      'Label printer jams',
      'Docking station gives no display',
      'Meeting room screen flickers',
      'Forklift tablet will not charge',
      'Headset crackles on calls',
      'Line terminal frozen',
      'Badge reader at the loading bay offline',
    ],
    questions: [
      'Can you send a photo of the error on the screen?',
      'Which station number is it?',
      'Is it every label or only the large ones?',
    ],
    answers: ['Photo attached.', 'Station 4, next to the packing area.', 'Only the large ones.'],
    resolutions: [
      'Replaced the unit; the old one goes back to the vendor.',
      'Firmware updated and tested with the team.',
      'Cable was damaged; replaced it.',
    ],
  },
  {
    supplier: 'IT',
    service: 'Software',
    weight: 5,
    customers: everyone({ MKT: 2.4, FIN: 1.8, 'LINE-A': 0.3 }),
    defaultPriority: Priority.P3,
    pace: 0.35,
    spread: 0.7,
    waitChance: 0.2,
    titles: [
      'Install the reporting desktop app',
      'Licence for the illustration software',
      'Update the CAD viewer',
      'Spreadsheet add-in for the forecasting model',
      'Video editing software for the social team',
    ],
    questions: ['Is there a budget line for the licence?', 'One seat or the whole team?'],
    answers: ['Yes, the team’s software budget.', 'Three seats, please.'],
    resolutions: ['Installed and licensed.', 'Pushed to your machine; restart to finish.'],
  },
  {
    supplier: 'IT',
    service: null,
    weight: 2,
    customers: everyone(),
    defaultPriority: Priority.P3,
    pace: 0.35,
    spread: 0.8,
    waitChance: 0.15,
    titles: [
      'Audio-visual set-up for the all-hands',
      'Wi-Fi weak in the north meeting room',
      'Printer for the reception desk',
    ],
    questions: ['What time should we be there to set up?'],
    answers: ['Half an hour before, please.'],
    resolutions: ['All set up and tested.'],
  },
  {
    supplier: 'FIN',
    service: 'Budget approval',
    weight: 4,
    customers: { MKT: 3, SALES: 3, HR: 2, OPS: 1.5, PROD: 1.5, IT: 1.5, LOG: 1, COM: 1 },
    defaultPriority: Priority.P3,
    pace: 0.5,
    spread: 0.75,
    waitChance: 0.4,
    titles: [
      'Budget for the autumn campaign',
      'Extra budget for the team offsite',
      'Approval for new safety equipment',
      'Budget for two conference tickets',
      'Spend approval for the office move',
    ],
    questions: [
      'Which cost centre should carry it?',
      'Can you split the quote into its parts?',
      'Is this in this year’s plan?',
    ],
    answers: ['Cost centre 4120.', 'Split version attached.', 'Yes, line 12 of the plan.'],
    resolutions: ['Approved.', 'Approved; the purchase order can go ahead.'],
  },
  {
    supplier: 'FIN',
    service: 'Purchase order',
    weight: 5,
    customers: { LOG: 3, PROD: 3, IT: 2, 'LINE-A': 1.5, MKT: 1.5, HR: 1, SALES: 0.8 },
    defaultPriority: Priority.P3,
    pace: 0.32,
    spread: 0.7,
    waitChance: 0.3,
    titles: [
      'Purchase order for packaging material',
      'Purchase order for the printing supplier',
      'Purchase order for spare parts',
      'Purchase order for the licence renewal',
      'Purchase order for the event venue',
    ],
    questions: ['Please attach the supplier’s quote.', 'Is the supplier set up in our system?'],
    answers: ['Quote attached.', 'Yes, supplier number 20931.'],
    resolutions: ['PO raised and sent to the supplier.', 'PO approved and issued.'],
  },
  {
    supplier: 'FIN',
    service: 'Invoice query',
    weight: 3,
    customers: { LOG: 2, PROD: 1.5, IT: 1.5, MKT: 1, SALES: 1, HR: 0.5 },
    defaultPriority: Priority.P3,
    pace: 0.36,
    spread: 0.8,
    waitChance: 0.35,
    titles: [
      'Supplier chasing an unpaid invoice',
      'Invoice charged twice',
      'Invoice with the wrong VAT rate',
    ],
    questions: ['Can you forward the supplier’s statement?'],
    answers: ['Forwarded, thanks.'],
    resolutions: ['Paid in today’s run.', 'Credit note requested from the supplier.'],
  },
  {
    supplier: 'PAY',
    service: 'Payroll query',
    weight: 5,
    customers: everyone({ 'LINE-A': 4, LOG: 3, PAY: 0 }),
    defaultPriority: Priority.P2,
    pace: 0.33,
    spread: 0.7,
    waitChance: 0.3,
    titles: [
      'Overtime missing from last payslip',
      'Night shift allowance not paid',
      'Expenses claim not reimbursed',
      'Tax code looks wrong',
      'Payslip not received',
    ],
    questions: ['Can you send the payslip reference?', 'Which dates were the overtime hours?'],
    answers: ['Reference attached.', 'The 3rd to the 7th.'],
    resolutions: [
      'Corrected; it will be in the next pay run.',
      'Paid as an off-cycle payment today.',
    ],
  },
  {
    supplier: 'HR',
    service: 'Hiring',
    weight: 2.5,
    customers: { SALES: 3, PROD: 2, 'LINE-A': 2, LOG: 2, MKT: 1.5, IT: 1.5, FIN: 1, COM: 1 },
    defaultPriority: Priority.P3,
    pace: 0.5,
    spread: 0.6,
    waitChance: 0.5,
    titles: [
      'Hire an account manager',
      'Two seasonal warehouse operatives',
      'Replacement for a line supervisor',
      'Graduate for the analytics team',
      'Maternity cover for the team assistant',
    ],
    questions: ['Can you confirm the job description and the salary band?'],
    answers: ['Job description attached; band C.'],
    resolutions: ['Offer accepted; start date agreed.', 'Candidate signed; onboarding booked.'],
  },
  {
    supplier: 'HR',
    service: 'Training',
    weight: 3,
    customers: everyone({ 'LINE-A': 4, LOG: 3, HR: 0.2 }),
    defaultPriority: Priority.P4,
    pace: 0.3,
    spread: 0.7,
    waitChance: 0.3,
    titles: [
      'Forklift licence renewal for the team',
      'First aid course places',
      'Presentation skills workshop',
      'Manager training for a new lead',
    ],
    questions: ['How many people, and which dates suit?'],
    answers: ['Four people, any Tuesday.'],
    resolutions: ['Places booked; invitations sent.', 'Course booked for next month.'],
  },
  {
    supplier: 'HR',
    service: 'Employment letter',
    weight: 2,
    customers: everyone({ HR: 0.1 }),
    defaultPriority: Priority.P3,
    pace: 0.25,
    spread: 0.7,
    waitChance: 0.15,
    titles: [
      'Proof of employment for a mortgage',
      'Reference letter for a leaver',
      'Contract change to four days a week',
    ],
    questions: ['Who should the letter be addressed to?'],
    answers: ['To the bank; details attached.'],
    resolutions: ['Letter signed and sent.', 'Contract amendment issued for signature.'],
  },
  {
    supplier: 'HR',
    service: null,
    weight: 1,
    customers: { FIN: 2, OPS: 1, CO: 1, COM: 1 },
    defaultPriority: Priority.P3,
    pace: 0.35,
    spread: 0.7,
    waitChance: 0.1,
    titles: ['Headcount report for the quarter', 'Absence figures for the board pack'],
    questions: ['By department or by site?'],
    answers: ['By department, please.'],
    resolutions: ['Report attached.'],
  },
  {
    supplier: 'LOG',
    service: 'Shipment',
    weight: 5,
    customers: { PROD: 4, 'LINE-A': 3, SALES: 2, MKT: 1, OPS: 1 },
    defaultPriority: Priority.P3,
    pace: 0.4,
    spread: 0.75,
    waitChance: 0.3,
    titles: [
      'Spare parts to the second plant',
      'Samples to a customer in Leeds',
      'Return of faulty goods to the vendor',
      'Pallets of brochures to the trade fair',
      'Tooling to the repair shop',
    ],
    questions: ['What is the pallet count and the delivery window?'],
    answers: ['Two pallets, before noon on Thursday.'],
    resolutions: ['Delivered and signed for.', 'Collected; tracking number in the notes.'],
  },
  {
    supplier: 'LOG',
    service: 'Courier booking',
    weight: 2,
    customers: everyone({ LOG: 0 }),
    defaultPriority: Priority.P3,
    pace: 0.3,
    spread: 0.7,
    waitChance: 0.15,
    titles: ['Courier for signed contracts', 'Same-day parcel to the London office'],
    questions: ['Same day or next day?'],
    answers: ['Same day, please.'],
    resolutions: ['Courier booked; collection at 3 pm.'],
  },
  {
    supplier: 'SALES',
    service: 'Price quote',
    weight: 3,
    customers: { MKT: 4, FIN: 1, COM: 1, LOG: 0.5 },
    defaultPriority: Priority.P3,
    pace: 0.45,
    spread: 0.75,
    waitChance: 0.25,
    titles: [
      'Price list for the campaign',
      'Volume prices for a key account',
      'Prices for the new product range',
    ],
    questions: ['Which regions and which currency?'],
    answers: ['UK and Ireland, in pounds.'],
    resolutions: ['Price list attached.', 'Quote sent with the regional discounts.'],
  },
  {
    supplier: 'MKT',
    service: 'Campaign material',
    weight: 2.5,
    customers: { SALES: 4, HR: 1.5, COM: 1, CO: 1, PROD: 0.5 },
    defaultPriority: Priority.P3,
    pace: 0.45,
    spread: 0.7,
    waitChance: 0.4,
    titles: [
      'Slides for the customer day',
      'Brochure for the new product range',
      'Social posts for the hiring campaign',
      'Banner for the trade fair stand',
    ],
    questions: ['Can you send the key messages and the deadline?'],
    answers: ['Key messages attached; needed by Friday.'],
    resolutions: ['Final files in the shared folder.', 'Printed and delivered to your desk.'],
  },
];

// Priorities around a service's default, as people pick them.
export const PRIORITY_MIX: Record<Priority, [Priority, number][]> = {
  [Priority.P1]: [[Priority.P1, 1]],
  [Priority.P2]: [
    [Priority.P1, 0.05],
    [Priority.P2, 0.6],
    [Priority.P3, 0.3],
    [Priority.P4, 0.05],
  ],
  [Priority.P3]: [
    [Priority.P1, 0.02],
    [Priority.P2, 0.16],
    [Priority.P3, 0.7],
    [Priority.P4, 0.12],
  ],
  [Priority.P4]: [
    [Priority.P2, 0.05],
    [Priority.P3, 0.35],
    [Priority.P4, 0.6],
  ],
};

export const FIRST_REPLIES = [
  'Thanks, we are on it.',
  'Picked up; looking into it today.',
  'Got it, I will come back to you shortly.',
  'On it. I will update you here.',
  'Thanks for the details, working on it now.',
];

export const INTERNAL_NOTES = [
  'Vendor ticket raised.',
  'Waiting for stock; expected on Thursday.',
  'Checked with the lead: approved.',
  'Same issue as last month; see the earlier request.',
  'Needs a second pair of eyes before we close it.',
];

export const REOPEN_COMMENTS = [
  'Still happening this morning, sorry.',
  'This only solved half of it.',
  'It worked for a day and stopped again.',
];

export const CANCEL_COMMENTS = [
  'No longer needed, thanks.',
  'Sorted it another way.',
  'Duplicate of another request, sorry.',
  'The project was postponed; cancelling.',
];

export const CHASERS = ['Any update on this?', 'Could we have an update, please?'];

// What customers write with a rating, by score.
export const RATING_COMMENTS: Record<number, string[]> = {
  5: [
    'Quick and friendly, thank you!',
    'Sorted within the hour, brilliant.',
    'Exactly what we needed.',
    'Great communication throughout.',
    'Really appreciated the quick turnaround.',
  ],
  4: [
    'Good, took a little longer than hoped.',
    'All fine, thanks.',
    'Solved, though we had to chase once.',
    'Helpful and clear.',
  ],
  3: [
    'Got there in the end.',
    'OK, but the updates were patchy.',
    'Works now, but it took several emails.',
  ],
  2: [
    'Too slow for something this urgent.',
    'We had to chase three times.',
    'Resolved only after we escalated.',
  ],
  1: [
    'Missed our deadline; the launch slipped.',
    'Closed without fixing the problem.',
    'A week of silence, then a one-line answer.',
  ],
};

export const QUALITY_COMMENTS = [
  'Clear request, all the details up front.',
  'Had to ask twice for the basics.',
  'Well prepared, thanks.',
  '',
];

export const KUDOS_MESSAGES = [
  'Thanks for saving the launch!',
  'Brilliant help, much appreciated.',
  'Above and beyond — thank you.',
  'Fast and friendly as always.',
];
