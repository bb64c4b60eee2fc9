import { Priority } from '@intradesk/catalog';
import { Role } from '@intradesk/organization';
import { RequestStatus } from '../requests/request-status.enum';

// The demo desk's catalogue, calendars, service levels, extra colleagues and the handful of
// scripted requests the stories of the README and the web app rely on. The months of traffic
// around them are generated (demo-history.ts, from demo-traffic.ts).

export interface DemoService {
  supplier: string;
  name: string;
  description: string;
  priority: Priority;
}

export const DEMO_SERVICES: DemoService[] = [
  {
    supplier: 'IT',
    name: 'Laptop',
    description: 'A new or replacement laptop',
    priority: Priority.P3,
  },
  {
    supplier: 'IT',
    name: 'Access and accounts',
    description: 'Accounts, groups and permissions',
    priority: Priority.P2,
  },
  {
    supplier: 'IT',
    name: 'Equipment repair',
    description: 'Broken hardware on a desk or a line',
    priority: Priority.P2,
  },
  {
    supplier: 'IT',
    name: 'Software',
    description: 'Installing, licensing and updating applications',
    priority: Priority.P3,
  },
  {
    supplier: 'FIN',
    name: 'Budget approval',
    description: 'Approval of a planned spend',
    priority: Priority.P3,
  },
  {
    supplier: 'FIN',
    name: 'Purchase order',
    description: 'Raising a purchase order with a supplier',
    priority: Priority.P3,
  },
  {
    supplier: 'FIN',
    name: 'Invoice query',
    description: 'A supplier invoice that is late, wrong or disputed',
    priority: Priority.P3,
  },
  {
    supplier: 'HR',
    name: 'Hiring',
    description: 'Opening and filling a position',
    priority: Priority.P3,
  },
  {
    supplier: 'HR',
    name: 'Training',
    description: 'Courses and certifications',
    priority: Priority.P4,
  },
  {
    supplier: 'HR',
    name: 'Employment letter',
    description: 'Contracts, references and proof of employment',
    priority: Priority.P3,
  },
  {
    supplier: 'PAY',
    name: 'Payroll query',
    description: 'Pay, overtime and expenses questions',
    priority: Priority.P2,
  },
  {
    supplier: 'LOG',
    name: 'Shipment',
    description: 'Moving goods between sites',
    priority: Priority.P3,
  },
  {
    supplier: 'LOG',
    name: 'Courier booking',
    description: 'Documents and small parcels, same or next day',
    priority: Priority.P3,
  },
  {
    supplier: 'SALES',
    name: 'Price quote',
    description: 'Prices for a campaign or a customer',
    priority: Priority.P3,
  },
  {
    supplier: 'MKT',
    name: 'Campaign material',
    description: 'Brochures, slides and social posts',
    priority: Priority.P3,
  },
];

const WEEKDAYS_ONLY = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;

// Bank holidays in England, 2025 to 2028 (the demo's office is in London).
export const ENGLAND_BANK_HOLIDAYS = [
  ...['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25'],
  ...['2025-12-25', '2025-12-26', '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04'],
  ...['2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26'],
  ...['2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  ...['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28'],
  ...['2028-12-25', '2028-12-26'],
];

export const DEMO_CALENDARS = {
  // The organisation default: office hours with a lunch break.
  office: {
    name: 'London office',
    weeklyHours: WEEKDAYS_ONLY.flatMap((day) => [
      { day, start: '08:30', end: '12:30' },
      { day, start: '13:30', end: '17:30' },
    ]),
  },
  // Two shifts on weekdays and a Saturday morning: the warehouse and the production line.
  shifts: {
    name: 'Warehouse shifts',
    weeklyHours: [
      ...WEEKDAYS_ONLY.map((day) => ({ day, start: '06:00', end: '22:00' })),
      { day: 'SATURDAY' as const, start: '06:00', end: '14:00' },
    ],
  },
  allDay: { name: 'Around the clock' },
};

// Departments that work in shifts (their own calendar; everyone else keeps the default).
export const SHIFT_DEPARTMENTS = ['LOG', 'LINE-A'];

export interface DemoPolicy {
  name: string;
  supplier?: string;
  service?: string;
  priority?: Priority;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  // Counted around the clock instead of in the supplier's calendar.
  allDay?: boolean;
  warnAtPercent?: number;
}

export const DEMO_POLICIES: DemoPolicy[] = [
  { name: 'Organisation standard', firstResponseMinutes: 480, resolutionMinutes: 2400 },
  {
    name: 'Urgent, organisation-wide',
    priority: Priority.P1,
    firstResponseMinutes: 60,
    resolutionMinutes: 480,
  },
  { name: 'IT standard', supplier: 'IT', firstResponseMinutes: 120, resolutionMinutes: 960 },
  {
    name: 'IT urgent, around the clock',
    supplier: 'IT',
    priority: Priority.P1,
    firstResponseMinutes: 30,
    resolutionMinutes: 240,
    allDay: true,
  },
  {
    name: 'IT laptops',
    supplier: 'IT',
    service: 'Laptop',
    firstResponseMinutes: 240,
    resolutionMinutes: 2400,
  },
  {
    name: 'Finance approvals',
    supplier: 'FIN',
    firstResponseMinutes: 240,
    resolutionMinutes: 1440,
  },
  { name: 'Payroll queries', supplier: 'PAY', firstResponseMinutes: 120, resolutionMinutes: 480 },
  {
    name: 'Hiring',
    supplier: 'HR',
    service: 'Hiring',
    firstResponseMinutes: 480,
    resolutionMinutes: 9600,
    warnAtPercent: 90,
  },
  {
    name: 'Shipments',
    supplier: 'LOG',
    service: 'Shipment',
    firstResponseMinutes: 120,
    resolutionMinutes: 960,
  },
];

// Colleagues beside each department's demo lead, agent and member, so that the history has
// more than one face. They sign in with the demo password too.
export const DEMO_COLLEAGUES: { department: string; name: string; role: Role }[] = [
  { department: 'IT', name: 'Priya Natarajan', role: Role.AGENT },
  { department: 'IT', name: 'Tom Okafor', role: Role.AGENT },
  { department: 'IT', name: 'Grace Lindqvist', role: Role.MEMBER },
  { department: 'FIN', name: 'Hannah Weiss', role: Role.AGENT },
  { department: 'FIN', name: 'Marco Bianchi', role: Role.MEMBER },
  { department: 'HR', name: 'Aisha Rahman', role: Role.AGENT },
  { department: 'PAY', name: 'Daniel Kowalski', role: Role.AGENT },
  { department: 'LOG', name: 'Sean Murphy', role: Role.AGENT },
  { department: 'LOG', name: 'Fatima Haddad', role: Role.MEMBER },
  { department: 'PROD', name: 'Oliver Grant', role: Role.MEMBER },
  { department: 'PROD', name: 'Mei Chen', role: Role.MEMBER },
  { department: 'LINE-A', name: 'Jakub Novak', role: Role.MEMBER },
  { department: 'LINE-A', name: 'Rosa Alvarez', role: Role.MEMBER },
  { department: 'LINE-A', name: 'Kwame Mensah', role: Role.MEMBER },
  { department: 'MKT', name: 'Chloe Martin', role: Role.MEMBER },
  { department: 'MKT', name: 'Lucas Ferreira', role: Role.AGENT },
  { department: 'SALES', name: 'Emma Johansson', role: Role.MEMBER },
  { department: 'SALES', name: 'Ravi Patel', role: Role.MEMBER },
  { department: 'SALES', name: 'Sophie Dubois', role: Role.AGENT },
  { department: 'OPS', name: 'Liam Walsh', role: Role.MEMBER },
  { department: 'CO', name: 'Isabel Moreno', role: Role.MEMBER },
];

export type StoryStep =
  | { status: RequestStatus }
  | { comment: string; by: 'customer' | 'supplier'; internal?: boolean }
  | { rating: number; comment: string };

export interface DemoStory {
  customer: string;
  supplier: string;
  service?: string;
  title: string;
  priority?: Priority;
  // What happened after it was filed, in order.
  steps: StoryStep[];
  assign?: boolean;
  // Filed this many working days ago (in the supplier's calendar)...
  daysAgo?: number;
  // ...or so that its running resolution clock has exactly this many working minutes left
  // now (negative: breached that long ago).
  remainingMinutes?: number;
}

const { IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED, CANCELLED } = RequestStatus;
const supplier = (comment: string, internal = false) =>
  ({ comment, by: 'supplier', internal }) as const;
const customer = (comment: string) => ({ comment, by: 'customer' }) as const;

export const DEMO_STORIES: DemoStory[] = [
  {
    customer: 'MKT',
    supplier: 'SALES',
    service: 'Price quote',
    title: 'Price list for the Q3 campaign',
    steps: [supplier('Drafting it with the regional managers.'), { status: IN_PROGRESS }],
    assign: true,
    daysAgo: 2,
  },
  {
    customer: 'MKT',
    supplier: 'IT',
    service: 'Laptop',
    title: 'Laptop for the new designer',
    steps: [
      supplier('Ordered a 16" model, arriving Thursday.'),
      { status: IN_PROGRESS },
      supplier('Set up with the design suite; ready at the IT desk.'),
      { status: RESOLVED },
    ],
    assign: true,
    daysAgo: 1,
  },
  {
    customer: 'MKT',
    supplier: 'IT',
    service: 'Laptop',
    title: 'Replacement laptop for the events team',
    steps: [
      { status: IN_PROGRESS },
      supplier('Swapped the unit and moved the files across.'),
      { status: RESOLVED },
    ],
    assign: true,
    daysAgo: 4,
  },
  {
    customer: 'MKT',
    supplier: 'IT',
    service: 'Laptop',
    title: 'Laptop for the spring intern',
    steps: [supplier('Reserved one from the pool; imaging it now.'), { status: IN_PROGRESS }],
    assign: true,
    daysAgo: 1,
  },
  {
    customer: 'HR',
    supplier: 'FIN',
    service: 'Budget approval',
    title: 'Budget for the leadership training programme',
    steps: [
      { status: IN_PROGRESS },
      supplier('Which cost centre should carry it?'),
      { status: WAITING_ON_CUSTOMER },
    ],
    daysAgo: 6,
  },
  {
    customer: 'PAY',
    supplier: 'FIN',
    title: 'Approve the new overtime rates',
    steps: [{ status: IN_PROGRESS }, { status: RESOLVED }, { status: CLOSED }],
    assign: true,
    daysAgo: 20,
  },
  {
    // At risk now: P1 clocks run around the clock, so this one is due within the hour whatever
    // the time of day.
    customer: 'LINE-A',
    supplier: 'IT',
    service: 'Equipment repair',
    title: 'Barcode scanner on line A offline',
    priority: Priority.P1,
    steps: [
      supplier('Vendor says firmware bug; spare unit in the store room.', true),
      { status: IN_PROGRESS },
      supplier('A technician is on the way with a spare scanner.'),
    ],
    assign: true,
    remainingMinutes: 50,
  },
  {
    customer: 'SALES',
    supplier: 'IT',
    service: 'Access and accounts',
    title: 'VPN drops for the field sales team',
    priority: Priority.P2,
    steps: [
      supplier('Reproduced it; the certificate on the gateway expires tonight.'),
      { status: IN_PROGRESS },
    ],
    assign: true,
    remainingMinutes: 75,
  },
  {
    customer: 'SALES',
    supplier: 'FIN',
    service: 'Budget approval',
    title: 'Trade fair stand for the spring show',
    priority: Priority.P2,
    steps: [{ status: IN_PROGRESS }, supplier('With the finance director for sign-off.')],
    assign: true,
    remainingMinutes: 110,
  },
  {
    customer: 'HR',
    supplier: 'IT',
    service: 'Access and accounts',
    title: 'Accounts for the new HR system',
    priority: Priority.P2,
    steps: [
      { status: IN_PROGRESS },
      supplier('Waiting on the vendor for the admin licence.', true),
      customer('Any news? Onboarding starts on Monday.'),
    ],
    assign: true,
    remainingMinutes: -180,
  },
  {
    customer: 'LOG',
    supplier: 'PAY',
    service: 'Payroll query',
    title: 'Driver expenses for October missing',
    steps: [],
    daysAgo: 0,
  },
  {
    customer: 'SALES',
    supplier: 'HR',
    service: 'Hiring',
    title: 'Two account managers for the north region',
    steps: [],
    daysAgo: 1,
  },
  {
    customer: 'PROD',
    supplier: 'LOG',
    service: 'Shipment',
    title: 'Spare parts to the second plant',
    steps: [customer('Sourced locally after all, thanks.'), { status: CANCELLED }],
    daysAgo: 9,
  },
  {
    customer: 'CO',
    supplier: 'IT',
    title: 'Audio-visual set-up for the board meeting',
    priority: Priority.P2,
    steps: [
      { status: IN_PROGRESS },
      { status: RESOLVED },
      { rating: 5, comment: 'Flawless on the day, thank you.' },
      { status: CLOSED },
    ],
    assign: true,
    daysAgo: 25,
  },
  {
    customer: 'FIN',
    supplier: 'HR',
    title: 'Headcount report for Q2',
    steps: [{ status: IN_PROGRESS }, { status: RESOLVED }],
    daysAgo: 2,
  },
  {
    customer: 'IT',
    supplier: 'FIN',
    service: 'Purchase order',
    title: 'Purchase order for software licence renewal',
    steps: [{ status: IN_PROGRESS }],
    assign: true,
    daysAgo: 2,
  },
  {
    customer: 'OPS',
    supplier: 'HR',
    service: 'Training',
    title: 'Forklift safety training records',
    steps: [supplier('Please send the list of operators.'), { status: WAITING_ON_CUSTOMER }],
    daysAgo: 3,
  },
  {
    customer: 'MKT',
    supplier: 'IT',
    service: 'Access and accounts',
    title: 'Access to the analytics workspace',
    steps: [
      { status: IN_PROGRESS },
      supplier('Added the team to the analysts group.'),
      { status: RESOLVED },
      { rating: 5, comment: 'Sorted within the hour, brilliant.' },
      { status: CLOSED },
    ],
    assign: true,
    daysAgo: 12,
  },
  {
    customer: 'SALES',
    supplier: 'FIN',
    service: 'Budget approval',
    title: 'Trade fair stand budget',
    priority: Priority.P2,
    steps: [
      { status: IN_PROGRESS },
      supplier('Can you split the quote into stand and travel?'),
      { status: WAITING_ON_CUSTOMER },
      customer('Split version attached.'),
      { status: IN_PROGRESS },
      { status: RESOLVED },
      { rating: 3, comment: 'Approved, but only after we chased twice.' },
      { status: CLOSED },
    ],
    daysAgo: 28,
  },
  {
    customer: 'HR',
    supplier: 'IT',
    service: 'Laptop',
    title: 'Laptops for three interns',
    steps: [],
    daysAgo: 0,
  },
  {
    customer: 'PROD',
    supplier: 'IT',
    service: 'Equipment repair',
    title: 'Label printer jams on line B',
    priority: Priority.P2,
    steps: [
      { status: IN_PROGRESS },
      supplier('Replaced the feed roller.'),
      { status: RESOLVED },
      customer('Jamming again since this morning.'),
      { status: IN_PROGRESS },
    ],
    assign: true,
    daysAgo: 3,
  },
  {
    customer: 'LOG',
    supplier: 'FIN',
    service: 'Purchase order',
    title: 'Pallets for the winter season',
    steps: [{ status: IN_PROGRESS }, { status: RESOLVED }, { status: CLOSED }],
    daysAgo: 18,
  },
  {
    customer: 'COM',
    supplier: 'HR',
    service: 'Hiring',
    title: 'Replacement for the commercial assistant',
    steps: [{ status: IN_PROGRESS }],
    daysAgo: 7,
  },
  {
    customer: 'PAY',
    supplier: 'IT',
    service: 'Access and accounts',
    title: 'Payroll system access for a new clerk',
    steps: [{ status: CANCELLED }],
    daysAgo: 11,
  },
  {
    customer: 'MKT',
    supplier: 'MKT',
    title: 'Refresh the brand guidelines page',
    steps: [{ status: IN_PROGRESS }],
    daysAgo: 8,
  },
];
