import { graphql } from '../../gql';

// The whole org chart in one query (the API batches leads and members with DataLoaders).
export const SettingsDepartmentsQuery = graphql(`
  query SettingsDepartments($includeArchived: Boolean!) {
    departments(includeArchived: $includeArchived) {
      id
      code
      name
      level
      depth
      explicitLevel
      archived
      timeZone
      calendar {
        id
        name
        isDefault
      }
      version
      parent {
        id
      }
      lead {
        id
        name
      }
      members {
        id
        name
        role
      }
    }
  }
`);

export const CreateDepartmentMutation = graphql(`
  mutation SettingsCreateDepartment($input: CreateDepartmentInput!) {
    createDepartment(input: $input) {
      id
      code
      name
    }
  }
`);

export const UpdateDepartmentMutation = graphql(`
  mutation SettingsUpdateDepartment($input: UpdateDepartmentInput!) {
    updateDepartment(input: $input) {
      id
      name
      level
      explicitLevel
      timeZone
      calendar {
        id
        name
        isDefault
      }
      version
    }
  }
`);

export const MoveDepartmentMutation = graphql(`
  mutation SettingsMoveDepartment($id: ID!, $parentId: ID) {
    moveDepartment(id: $id, parentId: $parentId) {
      id
      level
      depth
      version
      parent {
        id
      }
    }
  }
`);

export const ArchiveDepartmentMutation = graphql(`
  mutation SettingsArchiveDepartment($id: ID!) {
    archiveDepartment(id: $id) {
      id
      archived
      version
    }
  }
`);

export const RestoreDepartmentMutation = graphql(`
  mutation SettingsRestoreDepartment($id: ID!) {
    restoreDepartment(id: $id) {
      id
      archived
      version
    }
  }
`);

export const SetDepartmentLeadMutation = graphql(`
  mutation SettingsSetDepartmentLead($departmentId: ID!, $userId: ID) {
    setDepartmentLead(departmentId: $departmentId, userId: $userId) {
      id
      version
      lead {
        id
        name
      }
    }
  }
`);

// The calendars a department may keep its SLA time by.
export const DepartmentCalendarsQuery = graphql(`
  query SettingsDepartmentCalendars {
    businessCalendars {
      id
      name
      timeZone
      isDefault
    }
  }
`);
