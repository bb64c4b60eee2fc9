import { graphql } from '../gql';

export const KudosReceivedQuery = graphql(`
  query KudosPageReceived($userId: ID, $departmentId: ID, $first: Int!, $after: String) {
    kudosReceived(userId: $userId, departmentId: $departmentId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...KudosPageItem
        }
      }
    }
  }
  fragment KudosPageItem on Kudos {
    id
    message
    createdAt
    from {
      id
      name
      department {
        id
        code
        name
      }
    }
    toUser {
      id
      name
    }
    toDepartment {
      id
      code
      name
    }
    request {
      id
      number
      title
    }
  }
`);

export const KudosDepartmentsQuery = graphql(`
  query KudosPageDepartments {
    departments {
      id
      code
      name
    }
  }
`);

// Everyone, for the person search (loaded once, when the reader starts typing a name).
export const KudosPeopleQuery = graphql(`
  query KudosPagePeople {
    departments {
      id
      code
      name
      members {
        id
        name
      }
    }
  }
`);

export const KudosMembersQuery = graphql(`
  query KudosPageMembers($id: ID!) {
    department(id: $id) {
      id
      name
      members {
        id
        name
        role
      }
    }
  }
`);

// Requests the caller can see that the person's department supplied or filed (kudos are for a
// request): two queries, as a filter's supplier and customer lists both have to match.
export const KudosRequestsQuery = graphql(`
  query KudosPageRequests($supplied: RequestFilter!, $filed: RequestFilter!) {
    supplied: requests(filter: $supplied, first: 30) {
      edges {
        node {
          ...KudosPageRequest
        }
      }
    }
    filed: requests(filter: $filed, first: 30) {
      edges {
        node {
          ...KudosPageRequest
        }
      }
    }
  }
  fragment KudosPageRequest on Request {
    id
    number
    title
    createdAt
    supplier {
      id
    }
    customer {
      id
    }
  }
`);

export const RequestKudosQuery = graphql(`
  query RequestKudos($id: ID!) {
    request(id: $id) {
      id
      kudos {
        ...KudosPageItem
      }
    }
  }
`);

export const GiveKudosMutation = graphql(`
  mutation KudosGive($input: GiveKudosInput!) {
    giveKudos(input: $input) {
      ...KudosPageItem
    }
  }
`);
