import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { catalogResolvers } from '@intradesk/catalog';
import { organizationResolvers } from '@intradesk/organization';
import { requestsResolvers } from '@intradesk/requests';
import { slaResolvers } from '@intradesk/sla';
import { notificationsResolvers } from '@intradesk/notifications';
import { feedbackResolvers } from '@intradesk/feedback';
import { reportingResolvers } from '@intradesk/reporting';
import { inboundMailResolvers } from '@intradesk/inbound-mail';
import { lexicographicSortSchema, printSchema } from 'graphql';

// Every resolver class the API serves; the schema is built from these alone.
export const allResolvers = [
  ...organizationResolvers,
  ...catalogResolvers,
  ...slaResolvers,
  ...requestsResolvers,
  ...notificationsResolvers,
  ...feedbackResolvers,
  ...reportingResolvers,
  ...inboundMailResolvers,
];

export async function printCodeFirstSchema(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(allResolvers);
    return printSchema(lexicographicSortSchema(schema)) + '\n';
  } finally {
    await app.close();
  }
}
