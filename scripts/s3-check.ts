// npm run s3:check: writes one object through the attachment store ATTACHMENTS_S3_URL names,
// reads it back byte for byte and deletes it, so an operator can check a bucket and its
// credentials before pointing Intradesk at it. The test suite has no S3-compatible server to run
// against (its attachments live in PostgreSQL), so this is how the S3 store is checked.
import { randomBytes, randomUUID } from 'node:crypto';
import { parseS3Url } from '@intradesk/core';
import { S3AttachmentStore } from '@intradesk/requests';

async function main(): Promise<void> {
  const url = process.env.ATTACHMENTS_S3_URL;
  if (!url) throw new Error('Set ATTACHMENTS_S3_URL (s3://KEY:SECRET@HOST[:PORT]/BUCKET?…)');
  const location = parseS3Url(url);
  const store = new S3AttachmentStore(location);
  const key = `s3-check-${randomUUID()}`;
  const bytes = randomBytes(256 * 1024);
  console.log(`bucket ${location.bucket} at ${location.endpoint}, object ${store.objectKey(key)}`);
  await store.put(null, key, bytes, 'application/octet-stream');
  console.log('put: ok');
  const body = await store.get(key);
  if (!body) throw new Error('get: the object just written is missing');
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  if (!Buffer.concat(chunks).equals(bytes)) throw new Error('get: the bytes differ');
  console.log('get: the same 262144 bytes');
  await store.delete(null, key);
  if (await store.get(key)) throw new Error('delete: the object is still there');
  console.log('delete: ok');
}

main().catch((error: unknown) => {
  console.error(`s3 check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
