import { graphql } from '../../gql';

export const SettingsCalendarsQuery = graphql(`
  query SettingsCalendars {
    businessCalendars {
      id
      name
      timeZone
      isDefault
      holidays
      version
      weeklyHours {
        day
        start
        end
      }
    }
  }
`);

export const CreateCalendarMutation = graphql(`
  mutation SettingsCreateCalendar($input: CreateBusinessCalendarInput!) {
    createBusinessCalendar(input: $input) {
      id
      name
      version
    }
  }
`);

export const UpdateCalendarMutation = graphql(`
  mutation SettingsUpdateCalendar($input: UpdateBusinessCalendarInput!) {
    updateBusinessCalendar(input: $input) {
      id
      name
      timeZone
      isDefault
      holidays
      version
      weeklyHours {
        day
        start
        end
      }
    }
  }
`);

export const BusinessDueAtQuery = graphql(`
  query SettingsBusinessDueAt($calendarId: ID!, $start: DateTime!, $minutes: Int!) {
    businessDueAt(calendarId: $calendarId, start: $start, minutes: $minutes)
  }
`);
