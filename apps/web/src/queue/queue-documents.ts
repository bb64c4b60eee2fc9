import { graphql } from '../gql';

// One query per page of the queue: the API batches every row's relations with DataLoaders,
// so nothing here is fetched per row.
export const QueuePageQuery = graphql(`
  query QueuePage($filter: RequestFilter, $first: Int, $after: String, $orderBy: RequestOrder) {
    requests(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          number
          title
          status
          priority
          version
          createdAt
          updatedAt
          customer {
            id
            code
            name
          }
          supplier {
            id
            code
          }
          service {
            id
            name
          }
          assignee {
            id
            name
          }
          sla {
            firstResponse {
              state
              targetMinutes
              elapsedMinutes
              remainingMinutes
              dueAt
              breachedAt
              countingNow
            }
            resolution {
              state
              targetMinutes
              elapsedMinutes
              remainingMinutes
              dueAt
              breachedAt
              countingNow
            }
          }
        }
      }
    }
  }
`);

// The choices of the filters: departments (customers, and suppliers for operations), the
// supplier's services, and its people (assignees).
export const QueueOptionsQuery = graphql(`
  query QueueOptions($supplierId: ID, $withSupplier: Boolean!) {
    departments {
      id
      code
      name
    }
    services(supplierId: $supplierId) {
      id
      name
      supplier {
        id
        code
      }
    }
    department(id: $supplierId) @include(if: $withSupplier) {
      id
      members {
        id
        name
        role
      }
    }
  }
`);

export const QueueAssignMutation = graphql(`
  mutation QueueAssign($id: ID!, $assigneeId: ID, $expectedVersion: Int!) {
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
