import { graphql } from '../gql';

export const SurveyRoundsQuery = graphql(`
  query SurveysPageRounds($first: Int!, $after: String) {
    surveyRounds(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...SurveysPageRound
        }
      }
    }
  }
  fragment SurveysPageRound on SurveyRound {
    id
    title
    periodFrom
    periodTo
    openedAt
    closesAt
    closedAt
    open
    minAnswers
  }
`);

export const MySurveysQuery = graphql(`
  query SurveysPageMine($first: Int!, $after: String) {
    mySurveys(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...SurveysPageTask
        }
      }
    }
  }
  fragment SurveysPageTask on SurveyTask {
    answered
    round {
      ...SurveysPageRound
    }
    supplier {
      id
      code
      name
    }
  }
`);

export const SurveyResultsQuery = graphql(`
  query SurveysPageResults($roundId: ID!) {
    surveyResults(roundId: $roundId) {
      supplier {
        id
        code
        name
      }
      overall {
        ...SurveysPageScores
      }
      byCustomer {
        customer {
          id
          code
          name
        }
        scores {
          ...SurveysPageScores
        }
      }
    }
  }
  fragment SurveysPageScores on SurveyScores {
    suppressed
    answers
    averageScore
    distribution
    averageRecommend
    netPromoterScore
    comments
  }
`);

export const OpenRoundMutation = graphql(`
  mutation SurveysPageOpenRound($input: OpenSurveyRoundInput!) {
    openSurveyRound(input: $input) {
      ...SurveysPageRound
    }
  }
`);

export const CloseRoundMutation = graphql(`
  mutation SurveysPageCloseRound($id: ID!) {
    closeSurveyRound(id: $id) {
      ...SurveysPageRound
    }
  }
`);

export const AnswerSurveyMutation = graphql(`
  mutation SurveysPageAnswer($input: AnswerSurveyInput!) {
    answerSurvey(input: $input) {
      ...SurveysPageTask
    }
  }
`);
