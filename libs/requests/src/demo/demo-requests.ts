import { Priority } from '@intradesk/catalog';
import { RequestStatus } from '../requests/request-status.enum';

export const DEMO_SERVICES: {
  supplier: string;
  name: string;
  description: string;
  priority: Priority;
}[] = [
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
    supplier: 'SALES',
    name: 'Price quote',
    description: 'Prices for a campaign or a customer',
    priority: Priority.P3,
  },
];

export interface DemoRequest {
  customer: string;
  supplier: string;
  service?: string;
  title: string;
  priority?: Priority;
  // The statuses it goes through after NEW, in order.
  path: RequestStatus[];
  comments?: { by: 'customer' | 'supplier'; body: string; internal?: boolean }[];
  assign?: boolean;
  // How long ago it was filed.
  daysAgo: number;
}

const { IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED, CANCELLED } = RequestStatus;

export const DEMO_REQUESTS: DemoRequest[] = [
  {
    customer: 'MKT',
    supplier: 'SALES',
    service: 'Price quote',
    title: 'Price list for the Q3 campaign',
    path: [IN_PROGRESS],
    assign: true,
    daysAgo: 2,
    comments: [{ by: 'supplier', body: 'Drafting it with the regional managers.' }],
  },
  {
    customer: 'MKT',
    supplier: 'IT',
    service: 'Laptop',
    title: 'Laptop for the new designer',
    path: [IN_PROGRESS, RESOLVED],
    assign: true,
    daysAgo: 1,
    comments: [{ by: 'supplier', body: 'Ordered a 16" model, arriving Thursday.' }],
  },
  {
    customer: 'HR',
    supplier: 'FIN',
    service: 'Budget approval',
    title: 'Budget for the leadership training programme',
    path: [IN_PROGRESS, WAITING_ON_CUSTOMER],
    daysAgo: 6,
    comments: [{ by: 'supplier', body: 'Which cost centre should carry it?' }],
  },
  {
    customer: 'PAY',
    supplier: 'FIN',
    title: 'Approve the new overtime rates',
    path: [IN_PROGRESS, RESOLVED, CLOSED],
    assign: true,
    daysAgo: 20,
  },
  {
    customer: 'LINE-A',
    supplier: 'IT',
    service: 'Equipment repair',
    title: 'Barcode scanner on line A offline',
    priority: Priority.P1,
    path: [IN_PROGRESS],
    assign: true,
    daysAgo: 0,
    comments: [
      {
        by: 'supplier',
        body: 'Vendor says firmware bug; spare unit in the store room.',
        internal: true,
      },
      { by: 'supplier', body: 'A technician is on the way with a spare scanner.' },
    ],
  },
  {
    customer: 'LOG',
    supplier: 'PAY',
    service: 'Payroll query',
    title: 'Driver expenses for October missing',
    path: [],
    daysAgo: 1,
  },
  {
    customer: 'SALES',
    supplier: 'HR',
    service: 'Hiring',
    title: 'Two account managers for the north region',
    path: [],
    daysAgo: 3,
  },
  {
    customer: 'PROD',
    supplier: 'LOG',
    service: 'Shipment',
    title: 'Spare parts to the second plant',
    path: [CANCELLED],
    daysAgo: 9,
    comments: [{ by: 'customer', body: 'Sourced locally after all, thanks.' }],
  },
  {
    customer: 'CO',
    supplier: 'IT',
    title: 'Audio-visual set-up for the board meeting',
    priority: Priority.P2,
    path: [IN_PROGRESS, RESOLVED, CLOSED],
    assign: true,
    daysAgo: 25,
  },
  {
    customer: 'FIN',
    supplier: 'HR',
    title: 'Headcount report for Q2',
    path: [IN_PROGRESS, RESOLVED],
    daysAgo: 2,
  },
  {
    customer: 'IT',
    supplier: 'FIN',
    service: 'Purchase order',
    title: 'Purchase order for software licence renewal',
    path: [IN_PROGRESS],
    assign: true,
    daysAgo: 4,
  },
  {
    customer: 'OPS',
    supplier: 'HR',
    service: 'Training',
    title: 'Forklift safety training records',
    path: [WAITING_ON_CUSTOMER],
    daysAgo: 5,
    comments: [{ by: 'supplier', body: 'Please send the list of operators.' }],
  },
  {
    customer: 'MKT',
    supplier: 'IT',
    service: 'Access and accounts',
    title: 'Access to the analytics workspace',
    path: [IN_PROGRESS, RESOLVED, CLOSED],
    daysAgo: 14,
  },
  {
    customer: 'SALES',
    supplier: 'FIN',
    service: 'Budget approval',
    title: 'Trade fair stand budget',
    priority: Priority.P2,
    path: [IN_PROGRESS, WAITING_ON_CUSTOMER, IN_PROGRESS, RESOLVED, CLOSED],
    daysAgo: 28,
  },
  {
    customer: 'HR',
    supplier: 'IT',
    service: 'Laptop',
    title: 'Laptops for three interns',
    path: [],
    daysAgo: 0,
  },
  {
    customer: 'PROD',
    supplier: 'IT',
    service: 'Equipment repair',
    title: 'Label printer jams on line B',
    priority: Priority.P2,
    path: [IN_PROGRESS, RESOLVED, IN_PROGRESS],
    assign: true,
    daysAgo: 3,
    comments: [{ by: 'customer', body: 'Jamming again since this morning.' }],
  },
  {
    customer: 'LOG',
    supplier: 'FIN',
    service: 'Purchase order',
    title: 'Pallets for the winter season',
    path: [IN_PROGRESS, RESOLVED, CLOSED],
    daysAgo: 18,
  },
  {
    customer: 'COM',
    supplier: 'HR',
    service: 'Hiring',
    title: 'Replacement for the commercial assistant',
    path: [IN_PROGRESS],
    daysAgo: 7,
  },
  {
    customer: 'PAY',
    supplier: 'IT',
    service: 'Access and accounts',
    title: 'Payroll system access for a new clerk',
    path: [CANCELLED],
    daysAgo: 11,
  },
  {
    customer: 'MKT',
    supplier: 'MKT',
    title: 'Refresh the brand guidelines page',
    path: [IN_PROGRESS],
    daysAgo: 8,
  },
];
