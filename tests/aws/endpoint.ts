/** The moto_server this test file holds (tests/aws/setup.ts). */
export function motoEndpoint(): string {
  const endpoint = process.env.AWS_ENDPOINT_URL;
  if (!endpoint) throw new Error("AWS_ENDPOINT_URL is not set: tests/aws/setup.ts did not run");
  return endpoint;
}
