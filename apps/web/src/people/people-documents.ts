import { graphql } from '../gql';

export const PeopleQuery = graphql(`
  query People(
    $first: Int
    $after: String
    $search: String
    $role: Role
    $departmentId: ID
    $includeDeactivated: Boolean!
  ) {
    users(
      first: $first
      after: $after
      search: $search
      role: $role
      departmentId: $departmentId
      includeDeactivated: $includeDeactivated
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...PersonRow
        }
      }
    }
  }
`);

export const PersonRowFragment = graphql(`
  fragment PersonRow on User {
    id
    name
    email
    role
    active
    invited
    department {
      id
      code
      name
    }
  }
`);

export const PeopleDepartmentsQuery = graphql(`
  query PeopleDepartments {
    departments {
      id
      code
      name
      archived
    }
  }
`);

export const UpdatePersonMutation = graphql(`
  mutation UpdatePerson($input: UpdateUserInput!) {
    updateUser(input: $input) {
      ...PersonRow
    }
  }
`);

export const DeactivatePersonMutation = graphql(`
  mutation DeactivatePerson($id: ID!) {
    deactivateUser(id: $id) {
      ...PersonRow
    }
  }
`);

export const ReactivatePersonMutation = graphql(`
  mutation ReactivatePerson($id: ID!) {
    reactivateUser(id: $id) {
      ...PersonRow
    }
  }
`);

export const CreateResetLinkMutation = graphql(`
  mutation CreateResetLink($userId: ID!) {
    createPasswordResetLink(userId: $userId) {
      path
      expiresAt
      user {
        id
        name
      }
    }
  }
`);

export const SetPasswordWithTokenMutation = graphql(`
  mutation SetPasswordWithToken($token: String!, $password: String!) {
    setPasswordWithToken(token: $token, password: $password, cookie: true) {
      user {
        id
        name
        email
        role
        department {
          id
          code
          name
        }
      }
    }
  }
`);
