import { graphql } from '../gql';

// Everything the request page shows but the SLA clocks, which refresh on their own every minute.
export const RequestPageQuery = graphql(`
  query RequestPage($id: ID, $number: String) {
    request(id: $id, number: $number) {
      id
      number
      title
      description
      status
      priority
      relationshipType
      version
      createdAt
      updatedAt
      firstRespondedAt
      resolvedAt
      closedAt
      cancelledAt
      allowedStatuses
      customer {
        id
        code
        name
      }
      supplier {
        id
        code
        name
      }
      service {
        id
        name
      }
      requester {
        id
        name
        active
      }
      assignee {
        id
        name
        active
      }
      attachments {
        id
        fileName
        sizeBytes
        url
        inlineUrl
      }
      comments {
        id
        body
        internal
        createdAt
        attachments {
          id
          fileName
          sizeBytes
          url
          inlineUrl
        }
        author {
          id
          name
          active
          department {
            id
            code
          }
        }
      }
      history {
        id
        kind
        at
        from
        to
        internal
        actor {
          id
          name
          active
        }
        fromUser {
          id
          name
          active
        }
        toUser {
          id
          name
          active
        }
      }
      rating {
        id
        score
        comment
        updatedAt
      }
      qualityRating {
        id
        score
        comment
        updatedAt
      }
    }
  }
`);

export const RequestSlaQuery = graphql(`
  query RequestPageSla($id: ID!) {
    request(id: $id) {
      id
      sla {
        policy {
          id
          name
        }
        firstResponse {
          ...RequestPageClock
        }
        resolution {
          ...RequestPageClock
        }
      }
    }
  }
  fragment RequestPageClock on SlaClock {
    kind
    state
    targetMinutes
    elapsedMinutes
    remainingMinutes
    dueAt
    breachedAt
    startedAt
    stoppedAt
    countingNow
  }
`);

export const SupplierMembersQuery = graphql(`
  query RequestPageSupplierMembers($id: ID!) {
    department(id: $id) {
      id
      members {
        id
        name
        role
      }
    }
  }
`);

export const ChangeStatusMutation = graphql(`
  mutation RequestPageChangeStatus($id: ID!, $status: RequestStatus!, $expectedVersion: Int!) {
    changeRequestStatus(id: $id, status: $status, expectedVersion: $expectedVersion) {
      id
      status
      version
      allowedStatuses
    }
  }
`);

export const AssignMutation = graphql(`
  mutation RequestPageAssign($id: ID!, $assigneeId: ID, $expectedVersion: Int!) {
    assignRequest(id: $id, assigneeId: $assigneeId, expectedVersion: $expectedVersion) {
      id
      version
      assignee {
        id
        name
      }
    }
  }
`);

export const ChangePriorityMutation = graphql(`
  mutation RequestPageChangePriority($id: ID!, $priority: Priority!, $expectedVersion: Int!) {
    changeRequestPriority(id: $id, priority: $priority, expectedVersion: $expectedVersion) {
      id
      version
      priority
    }
  }
`);

export const AddCommentMutation = graphql(`
  mutation RequestPageAddComment(
    $requestId: ID!
    $body: String!
    $internal: Boolean!
    $attachmentIds: [ID!]
  ) {
    addComment(
      requestId: $requestId
      body: $body
      internal: $internal
      attachmentIds: $attachmentIds
    ) {
      id
      body
      internal
      createdAt
    }
  }
`);

export const RateMutation = graphql(`
  mutation RequestPageRate($requestId: ID!, $score: Int!, $comment: String) {
    rateRequest(requestId: $requestId, score: $score, comment: $comment) {
      id
      score
      comment
      updatedAt
    }
  }
`);

export const RateQualityMutation = graphql(`
  mutation RequestPageRateQuality($requestId: ID!, $score: Int!, $comment: String) {
    rateRequestQuality(requestId: $requestId, score: $score, comment: $comment) {
      id
      score
      comment
      updatedAt
    }
  }
`);
