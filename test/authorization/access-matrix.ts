// The role matrix: who may call every operation and see every field of the public schema, and the
// e2e test that proves it. test/e2e/authorization-completeness.e2e-spec.ts fails when the printed
// schema has an operation or field missing here, when a resolver's guard disagrees with `guard`,
// or when a proof does not exercise the operation.

export type Role = 'MEMBER' | 'AGENT' | 'LEAD' | 'OPS' | 'ADMIN';
export const ROLES: Role[] = ['MEMBER', 'AGENT', 'LEAD', 'OPS', 'ADMIN'];

export interface OperationAccess {
  // What the resolver's guard admits: no token at all, any signed-in user, or these roles.
  guard: 'public' | 'signed-in' | Role[];
  // The rule the service applies within what the guard admits.
  scope: string;
  // e2e spec files (under test/e2e, without the suffix) that exercise it for the roles it concerns.
  proof: string[];
}

const ANY = 'signed-in' as const;

export const OPERATIONS: Record<string, OperationAccess> = {
  // Identity and sessions
  'Mutation.login': {
    guard: 'public',
    scope: 'anyone; backoff per account',
    proof: ['auth', 'sessions'],
  },
  'Mutation.signOut': {
    guard: 'public',
    scope: "clears the caller's own browser cookie",
    proof: ['web-session'],
  },
  'Query.me': { guard: ANY, scope: 'the caller only', proof: ['auth'] },
  'Mutation.changePassword': {
    guard: ANY,
    scope: "the caller's own password",
    proof: ['sessions'],
  },
  'Mutation.signOutEverywhere': {
    guard: ANY,
    scope: 'the caller; another user: admins only',
    proof: ['sessions'],
  },
  'Mutation.createUser': { guard: ['ADMIN'], scope: 'admins', proof: ['auth'] },
  'Query.users': {
    guard: ['ADMIN', 'OPS'],
    scope: 'admins; operations read-only (leads see their own people as Department.members)',
    proof: ['people-admin'],
  },
  'Mutation.updateUser': {
    guard: ['ADMIN'],
    scope: 'admins; never the last active administrator',
    proof: ['people-admin'],
  },
  'Mutation.deactivateUser': {
    guard: ['ADMIN'],
    scope: 'admins; never the last active administrator',
    proof: ['people-admin'],
  },
  'Mutation.reactivateUser': { guard: ['ADMIN'], scope: 'admins', proof: ['people-admin'] },
  'Mutation.createPasswordResetLink': {
    guard: ['ADMIN'],
    scope: 'admins, for an active user',
    proof: ['people-admin'],
  },
  'Mutation.setPasswordWithToken': {
    guard: 'public',
    scope: 'whoever holds a live one-time link, once',
    proof: ['people-admin'],
  },

  // Organisation (the org chart is a directory every signed-in user may read)
  'Query.departments': { guard: ANY, scope: 'the whole org chart', proof: ['departments'] },
  'Query.department': { guard: ANY, scope: 'any department', proof: ['departments'] },
  'Query.relationship': { guard: ANY, scope: 'any pair', proof: ['departments'] },
  'Mutation.createDepartment': { guard: ['ADMIN'], scope: 'admins', proof: ['departments'] },
  'Mutation.updateDepartment': { guard: ['ADMIN'], scope: 'admins', proof: ['departments'] },
  'Mutation.moveDepartment': { guard: ['ADMIN'], scope: 'admins', proof: ['departments'] },
  'Mutation.archiveDepartment': { guard: ['ADMIN'], scope: 'admins', proof: ['departments'] },
  'Mutation.restoreDepartment': {
    guard: ['ADMIN'],
    scope: 'admins',
    proof: ['authorization-completeness'],
  },
  'Mutation.setDepartmentLead': {
    guard: ['ADMIN'],
    scope: 'admins',
    proof: ['authorization-completeness'],
  },
  'Mutation.importOrgChart': { guard: ['ADMIN'], scope: 'admins', proof: ['org-chart-import'] },

  // Catalogue
  'Query.services': {
    guard: ANY,
    scope: 'every active service (the catalogue)',
    proof: ['catalog'],
  },
  'Query.service': { guard: ANY, scope: 'any service', proof: ['catalog'] },
  'Mutation.createService': {
    guard: ANY,
    scope: "the supplier's lead, admins",
    proof: ['catalog'],
  },
  'Mutation.updateService': {
    guard: ANY,
    scope: "the supplier's lead, admins",
    proof: ['catalog'],
  },

  // Calendars and policies
  'Query.businessCalendars': { guard: ANY, scope: 'all calendars', proof: ['business-calendars'] },
  'Query.businessCalendar': {
    guard: ANY,
    scope: 'any calendar',
    proof: ['authorization-completeness'],
  },
  'Query.businessTime': { guard: ANY, scope: 'pure calendar math', proof: ['business-calendars'] },
  'Query.businessDueAt': { guard: ANY, scope: 'pure calendar math', proof: ['business-calendars'] },
  'Mutation.createBusinessCalendar': {
    guard: ['ADMIN', 'OPS'],
    scope: 'operations, admins',
    proof: ['business-calendars'],
  },
  'Mutation.updateBusinessCalendar': {
    guard: ['ADMIN', 'OPS'],
    scope: 'operations, admins',
    proof: ['sla-clocks'],
  },
  'Query.slaPolicies': {
    guard: ANY,
    scope: 'active policies (the published service levels)',
    proof: ['authorization-completeness'],
  },
  'Mutation.createSlaPolicy': {
    guard: ANY,
    scope: "leads for their own department's policies; operations and admins any",
    proof: ['sla-clocks'],
  },
  'Mutation.updateSlaPolicy': {
    guard: ANY,
    scope: "leads for their own department's policies; operations and admins any",
    proof: ['authorization-completeness'],
  },

  // Requests
  'Query.requests': {
    guard: ANY,
    scope: "requests the caller's department filed or supplies; operations and admins all",
    proof: ['requests-visibility', 'visibility-sweep'],
  },
  'Query.request': {
    guard: ANY,
    scope: 'as requests; others are NOT_FOUND',
    proof: ['requests-visibility', 'visibility-sweep'],
  },
  'Mutation.createRequest': {
    guard: ANY,
    scope:
      "filed for the caller's own department; attachmentIds: the caller's unbound uploads only",
    proof: ['requests-lifecycle', 'new-request-attachments'],
  },
  'Mutation.assignRequest': {
    guard: ANY,
    scope: "the supplier's agents and leads, admins",
    proof: ['requests-visibility'],
  },
  'Mutation.changeRequestStatus': {
    guard: ANY,
    scope: 'moves allowed to the caller by side and role (Request.allowedStatuses)',
    proof: ['requests-visibility'],
  },
  'Mutation.changeRequestPriority': {
    guard: ANY,
    scope: "the supplier's agents and leads, admins",
    proof: ['requests-visibility'],
  },
  'Mutation.addComment': {
    guard: ANY,
    scope: 'whoever sees the request; internal notes: the supplier side, operations, admins',
    proof: ['requests-visibility'],
  },
  'Mutation.importRequests': {
    guard: ['ADMIN', 'OPS'],
    scope: 'operations, admins',
    proof: ['request-import'],
  },
  'Query.applicableSlaPolicy': {
    guard: ANY,
    scope: 'any pair: policies are published (as slaPolicies), the selection is createRequest’s',
    proof: ['applicable-sla-policy'],
  },
  'Query.slaPreview': {
    guard: ANY,
    scope: "as createRequest: from the caller's own department",
    proof: ['sla-preview'],
  },
  'Query.atRiskRequests': {
    guard: ANY,
    scope: "the supplier's own members, operations, admins",
    proof: ['sla-clocks', 'visibility-sweep'],
  },
  'Query.departmentQueueHealth': {
    guard: ANY,
    scope: "the department's lead, operations, admins",
    proof: ['queue-health'],
  },
  'Query.escalationsReceived': {
    guard: ANY,
    scope: "the department's lead, operations, admins; requests the caller may see",
    proof: ['queue-health'],
  },
  'Subscription.requestChanged': {
    guard: ANY,
    scope: 'events of requests the caller may see',
    proof: ['requests-live'],
  },
  'Subscription.slaEvents': {
    guard: ANY,
    scope: 'events of requests the caller may see',
    proof: ['sla-worker'],
  },

  // Notifications and webhooks
  'Query.notifications': {
    guard: ANY,
    scope: "the caller's own",
    proof: ['sla-worker', 'visibility-sweep'],
  },
  'Mutation.markNotificationsRead': {
    guard: ANY,
    scope: "the caller's own",
    proof: ['visibility-sweep'],
  },
  'Mutation.markAllNotificationsRead': {
    guard: ANY,
    scope: "the caller's own",
    proof: ['notifications'],
  },
  'Query.unreadNotificationCount': {
    guard: ANY,
    scope: "the caller's own",
    proof: ['notifications'],
  },
  'Query.notificationPreferences': {
    guard: ANY,
    scope: "the caller's own",
    proof: ['notifications'],
  },
  'Mutation.updateNotificationPreferences': {
    guard: ANY,
    scope: "the caller's own",
    proof: ['notifications'],
  },
  'Subscription.notificationAdded': {
    guard: ANY,
    scope: "the caller's own, as they are written",
    proof: ['notifications'],
  },
  'Query.mailSettings': {
    guard: ANY,
    scope: "the caller's own",
    proof: ['mail-outgoing'],
  },
  'Mutation.updateMailSettings': {
    guard: ANY,
    scope: "the caller's own",
    proof: ['mail-outgoing'],
  },
  'Query.incomingMailCounts': {
    guard: ['ADMIN'],
    scope: "administrators: the SMTP receiver's outcomes and counts",
    proof: ['inbound-mail'],
  },
  'Query.outgoingMail': {
    guard: ['ADMIN'],
    scope: 'administrators: every outgoing message',
    proof: ['mail-outgoing'],
  },
  'Query.departmentWebhooks': {
    guard: ANY,
    scope: "the department's lead, operations, admins",
    proof: ['webhooks'],
  },
  'Query.webhookDeliveries': {
    guard: ANY,
    scope: "the webhook department's lead, operations, admins",
    proof: ['webhooks'],
  },
  'Mutation.createDepartmentWebhook': {
    guard: ANY,
    scope: "the department's lead, operations, admins",
    proof: ['webhooks'],
  },
  'Mutation.setDepartmentWebhookActive': {
    guard: ANY,
    scope: "the webhook department's lead, operations, admins",
    proof: ['webhooks'],
  },
  'Mutation.deleteDepartmentWebhook': {
    guard: ANY,
    scope: "the webhook department's lead, operations, admins",
    proof: ['webhooks'],
  },

  // Feedback
  'Mutation.rateRequest': {
    guard: ANY,
    scope: 'members of the customer department, once resolved',
    proof: ['ratings'],
  },
  'Mutation.rateRequestQuality': {
    guard: ANY,
    scope: "the supplier's agents and leads",
    proof: ['ratings'],
  },
  'Query.pendingRatings': {
    guard: ANY,
    scope: "the caller's own resolved requests",
    proof: ['ratings', 'visibility-sweep'],
  },
  'Mutation.giveKudos': {
    guard: ANY,
    scope: 'whoever sees the request, to a party of it',
    proof: ['ratings'],
  },
  'Query.kudosReceived': {
    guard: ANY,
    scope: 'public recognition: anyone',
    proof: ['ratings'],
  },
  'Mutation.openSurveyRound': {
    guard: ['ADMIN', 'OPS'],
    scope: 'operations, admins',
    proof: ['surveys'],
  },
  'Mutation.closeSurveyRound': {
    guard: ['ADMIN', 'OPS'],
    scope: 'operations, admins',
    proof: ['surveys'],
  },
  'Query.surveyRounds': {
    guard: ANY,
    scope: 'operations all; others rounds about their department',
    proof: ['authorization-completeness'],
  },
  'Query.mySurveys': {
    guard: ANY,
    scope: "the caller's department's invitations",
    proof: ['surveys'],
  },
  'Mutation.answerSurvey': {
    guard: ANY,
    scope: "only suppliers the caller's department is asked about",
    proof: ['surveys'],
  },
  'Query.surveyResults': {
    guard: ANY,
    scope: 'leads their own supplier department, operations and admins all; after close',
    proof: ['surveys'],
  },

  // Reports
  'Query.slaReport': {
    guard: ANY,
    scope: 'leads: requests their department supplied or filed; operations and admins all',
    proof: ['reports', 'visibility-sweep'],
  },
  'Query.satisfactionReport': {
    guard: ANY,
    scope: 'as slaReport',
    proof: ['reports'],
  },
  'Query.departmentMatrix': { guard: ANY, scope: 'as slaReport', proof: ['reports'] },
  'Query.reportTrend': { guard: ANY, scope: 'as slaReport', proof: ['reports'] },
  'Query.departmentPairRanking': { guard: ANY, scope: 'as slaReport', proof: ['reports'] },
  'Query.simulateSlaPolicy': { guard: ANY, scope: 'as slaReport', proof: ['reports'] },
};

// Object fields: PARENT means "whoever may see the object sees this field"; anything else names the
// narrower rule and its proof.
export const PARENT = 'parent' as const;
export interface FieldRule {
  rule: string;
  proof: string[];
}
export type FieldAccess = typeof PARENT | FieldRule;

function fields(names: string, overrides: Record<string, FieldRule> = {}) {
  const access: Record<string, FieldAccess> = {};
  for (const name of names.split(' ')) access[name] = overrides[name] ?? PARENT;
  for (const name of Object.keys(overrides)) {
    if (!(name in access)) throw new Error(`override for unlisted field ${name}`);
  }
  return access;
}

export const OBJECT_FIELDS: Record<string, Record<string, FieldAccess>> = {
  AgentWorkload: fields('agent atRisk breached open'),
  AtRiskClock: fields('clock request'),
  AuthPayload: fields('accessToken user'),
  BusinessCalendar: fields('holidays id isDefault name timeZone version weeklyHours'),
  BusinessTime: fields('minutes seconds'),
  Attachment: fields('contentType createdAt fileName id inlineUrl pending sha256 sizeBytes url'),
  Comment: fields('attachments author body createdAt id internal'),
  CreatedWebhook: fields('secret webhook', {
    secret: { rule: 'shown once, to whoever created the webhook', proof: ['webhooks'] },
  }),
  Department: fields(
    'archived archivedAt calendar children code createdAt depth explicitLevel id lead level members name parent services timeZone updatedAt version',
  ),
  DepartmentMatrixCell: fields(
    'assignee averageScore customer kudos open period priority ratings relationshipType requests resolutionCompliance service supplier',
  ),
  DepartmentPairRanking: fields('best worst'),
  DepartmentQueueHealth: fields(
    'atRisk breached department open unassigned withinMinutes workload',
  ),
  Escalation: fields('clockKind occurredAt request rung'),
  HistoryEntry: fields('actor at commentId from fromUser id internal kind to toUser', {
    internal: {
      rule: 'entries of internal notes are left out for the customer side',
      proof: ['requests-visibility'],
    },
  }),
  ImportLineError: fields('line message'),
  IncomingMailCount: fields('count lastAt outcome'),
  Kudos: fields('createdAt from id message request toDepartment toUser', {
    request: { rule: 'null unless the caller may see the request', proof: ['ratings'] },
  }),
  KudosConnection: fields('edges pageInfo totalCount'),
  KudosEdge: fields('cursor node'),
  Notification: fields('actor createdAt id kind message readAt request requestId', {
    request: {
      rule: 'null unless the recipient may (still) see the request',
      proof: ['notifications'],
    },
  }),
  NotificationConnection: fields('edges pageInfo totalCount'),
  NotificationEdge: fields('cursor node'),
  NotificationPreference: fields('email inApp kind'),
  MailSettings: fields('digestHour locale'),
  OutgoingMail: fields(
    'attempts createdAt htmlBody id kind lastError locale messageId nextAttemptAt recipient requestId sentAt status subject textBody toAddress',
  ),
  OutgoingMailConnection: fields('edges pageInfo totalCount'),
  OutgoingMailEdge: fields('cursor node'),
  OrgChartImportResult: fields('created errors invitedLeads updated'),
  PageInfo: fields('endCursor hasNextPage hasPreviousPage startCursor'),
  PasswordResetLink: fields('expiresAt path user', {
    path: { rule: 'shown once, to the administrator who made it', proof: ['people-admin'] },
  }),
  PendingRating: fields('rateBy request'),
  PendingRatingConnection: fields('edges pageInfo totalCount'),
  PendingRatingEdge: fields('cursor node'),
  Rating: fields('comment createdAt id rater score side updatedAt'),
  Relationship: fields('explanation type'),
  ReportTrendPoint: fields(
    'assignee averageScore customer firstResponseCompliance kudos medianResolutionMinutes open period priority relationshipType resolutionCompliance responseRate service supplier total',
  ),
  Request: fields(
    'allowedStatuses assignee attachments cancelledAt closedAt comments createdAt customer description firstRespondedAt history id kudos number pendingAttachments priority qualityRating rating relationshipType requester resolvedAt service sla status supplier title updatedAt version',
    {
      comments: {
        rule: 'internal notes only for the supplier side, operations and admins',
        proof: ['requests-visibility'],
      },
      pendingAttachments: {
        rule: "the caller's own uploads only",
        proof: ['attachments'],
      },
      history: {
        rule: 'internal-note entries only for the supplier side, operations and admins',
        proof: ['requests-visibility'],
      },
      qualityRating: {
        rule: 'the supplier side, operations and admins only',
        proof: ['ratings'],
      },
      allowedStatuses: { rule: "the caller's own moves", proof: ['requests-visibility'] },
    },
  ),
  RequestChange: fields('kind request'),
  RequestConnection: fields('edges pageInfo totalCount'),
  RequestEdge: fields('cursor node'),
  RequestImportResult: fields('errors imported'),
  RequestSla: fields('firstResponse policy resolution'),
  SatisfactionReportRow: fields(
    'assignee averageQualityScore averageScore customer distribution kudos period priority qualityRatings ratings relationshipType responseRate service supplier total',
  ),
  Service: fields('active createdAt defaultPriority description id name supplier version'),
  SlaClock: fields(
    'breachedAt countingNow dueAt elapsedMinutes kind remainingMinutes startedAt state stoppedAt targetMinutes',
  ),
  SlaCompliance: fields(
    'firstResponseBreached firstResponseCompliance firstResponseMet resolutionBreached resolutionCompliance resolutionMet',
  ),
  SlaEvent: fields('clockKind kind occurredAt recipientId request rung'),
  SlaPolicy: fields(
    'active calendarId calendarMode customerId firstResponseMinutes id name priority relationshipType resolutionMinutes serviceId supplierId version warnAtPercent',
  ),
  SlaPreview: fields(
    'explanation firstResponseDueAt firstResponseMinutes policy relationshipType resolutionDueAt resolutionMinutes',
  ),
  SlaReportRow: fields(
    'assignee customer firstResponseBreached firstResponseCompliance firstResponseMet medianResolutionMinutes open p90ResolutionMinutes period priority relationshipType resolutionBreached resolutionCompliance resolutionMet service supplier total',
  ),
  SlaSimulation: fields('actual requests simulated wouldHaveBreached wouldHaveMet'),
  SurveyCustomerResult: fields('customer scores'),
  SurveyRound: fields('closedAt closesAt id minAnswers open openedAt periodFrom periodTo title'),
  SurveyRoundConnection: fields('edges pageInfo totalCount'),
  SurveyRoundEdge: fields('cursor node'),
  SurveyScores: fields(
    'answers averageRecommend averageScore comments distribution netPromoterScore suppressed',
    {
      comments: {
        rule: 'empty (like every score) for groups below SURVEY_MIN_ANSWERS',
        proof: ['surveys'],
      },
    },
  ),
  SurveySupplierResult: fields('byCustomer overall supplier'),
  SurveyTask: fields('answered round supplier'),
  SurveyTaskConnection: fields('edges pageInfo totalCount'),
  SurveyTaskEdge: fields('cursor node'),
  User: fields('active createdAt deactivatedAt department email id invited name role'),
  UserConnection: fields('edges pageInfo totalCount'),
  UserEdge: fields('cursor node'),
  Webhook: fields('active createdAt departmentId id url'),
  WebhookDelivery: fields('attempts createdAt deliveredAt event id lastError nextAttemptAt status'),
  WebhookDeliveryConnection: fields('edges pageInfo totalCount'),
  WebhookDeliveryEdge: fields('cursor node'),
  WeeklyHours: fields('day end start'),
};

// The HTTP routes beside /graphql (each authenticates as GraphQL does: the bearer header or the
// session cookie); the completeness test fails when a controller's route is missing here, and
// proves that each role-restricted route refuses every other role.
export interface RouteAccess extends OperationAccess {
  // For the refusal proof: a request body of the route's media type.
  contentType?: string;
}

export const HTTP_ROUTES: Record<string, RouteAccess> = {
  'GET /health': { guard: 'public', scope: 'liveness', proof: ['health'] },
  'GET /ready': { guard: 'public', scope: 'readiness', proof: ['health'] },
  // One-click unsubscribe: no session (mail providers call it); the signed token names the
  // person and kind, and only that person's preference for that kind changes.
  'GET /mail/unsubscribe': {
    guard: 'public',
    scope: 'the signed token: a page, nothing changed',
    proof: ['mail-unsubscribe'],
  },
  'GET /mail/unsubscribe.css': {
    guard: 'public',
    scope: "the unsubscribe page's stylesheet, the same for everyone",
    proof: ['mail-unsubscribe'],
  },
  'POST /mail/unsubscribe': {
    guard: 'public',
    scope: "the signed token: the token's person's e-mail of its kind off",
    proof: ['mail-unsubscribe'],
  },
  'GET /reports/requests.csv': { guard: ANY, scope: 'as requests', proof: ['reports'] },
  'GET /reports/sla.csv': { guard: ANY, scope: 'as slaReport', proof: ['reports'] },
  // Only their refusal without a token is proved (the completeness spec); no e2e spec downloads
  // them yet.
  'GET /reports/satisfaction.csv': {
    guard: ANY,
    scope: 'as satisfactionReport',
    proof: ['authorization-completeness'],
  },
  'GET /reports/department-matrix.csv': {
    guard: ANY,
    scope: 'as departmentMatrix',
    proof: ['reports'],
  },
  'GET /reports/department-pair-ranking.csv': {
    guard: ANY,
    scope: 'as departmentPairRanking',
    proof: ['reports'],
  },
  'GET /reports/trend.csv': {
    guard: ANY,
    scope: 'as the trend report',
    proof: ['authorization-completeness'],
  },
  'POST /imports/org-chart': {
    guard: ['ADMIN'],
    scope: 'as importOrgChart',
    proof: ['import-upload'],
    contentType: 'text/csv',
  },
  'POST /imports/requests': {
    guard: ['OPS', 'ADMIN'],
    scope: 'as importRequests',
    proof: ['import-upload'],
    contentType: 'application/x-ndjson',
  },
  'POST /requests/:id/attachments': {
    guard: ANY,
    scope: 'whoever sees the request (else 404); onto a comment: its author only',
    proof: ['attachments'],
    contentType: 'application/octet-stream',
  },
  'POST /attachments': {
    guard: ANY,
    scope: 'anyone signed in: held for a request not yet filed, seen by its uploader only',
    proof: ['new-request-attachments'],
    contentType: 'application/octet-stream',
  },
  'GET /attachments/:id': {
    guard: ANY,
    scope:
      "as its comment (an internal note's: the supplier side, operations, admins), else its request; pending: its uploader; everyone else 404",
    proof: ['attachments'],
  },
  'GET /attachments/:id/inline': {
    guard: ANY,
    scope: 'as GET /attachments/:id',
    proof: ['attachments'],
  },
  'DELETE /attachments/:id': {
    guard: ANY,
    scope: 'its uploader, while pending; everyone else 404',
    proof: ['attachments'],
  },
};
